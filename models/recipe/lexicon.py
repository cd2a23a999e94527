#!/usr/bin/env python3
"""Builds models/needle/lexicon.json.gz, the router's table of related words, from WordNet 3.0.

WordNet comes from Debian's `wordnet-base` package (/usr/share/wordnet; Princeton's licence lets
the database and derived data be copied and shipped with its notice, which the output carries).

For every single-word lemma (nouns and verbs, plus adjectives' synonyms) the table keeps the
concepts its most frequent senses name:
  - `senses`: the synsets of its first MAX_SENSES senses per part of speech (WordNet lists senses
    by frequency in its tagged corpus), and the synsets its derivation pointers lead to from those
    senses ("clean" the verb -> "cleaner" the noun);
  - `broader`: the direct hypernyms of those senses that are narrow enough (at most MAX_HYPONYMS
    direct hyponyms): "vacuum" the verb -> clean.
Two words are related when one's senses meet the other's senses or broader concepts (see
src/agent/needle/related-words.ts): "drapes" and "curtains", "vacuum" and "clean", "help" and
"assistant". Siblings under one hypernym ("kitchen" and "bedroom", both rooms) are not related.

It also lists the words whose first noun sense is "person" itself (someone, somebody, individual)
and those whose first noun sense is a kind of person (employee, attendant, clerk): a request for
"someone" relates to those, though "person" as a broader concept relates nothing (far too broad).

Synset offsets are renumbered densely; the output is gzip-compressed JSON:
  {"format": "needle-lexicon-1", "source": ..., "licence": ..., "words": {lemma: [senses, broader]},
   "personWords": [...], "personKinds": [...]}
"""
import argparse
import gzip
import json
import os
import re

POS_FILES = {'n': 'noun', 'v': 'verb', 'a': 'adj'}
MAX_SENSES = 2
# a broader concept with more direct hyponyms than this is too general to relate its members to it
# ("person", "room", "device"); measured on the development sets against no limit and 50: level
MAX_HYPONYMS = 20
PERSON = '00007846'  # person, individual, someone, somebody, mortal, soul
WORD = re.compile(r'^[a-z][a-z\-]*[a-z]$')


def records(root, kind, pos):
    """The lines of a WordNet index or data file, less the licence lines that open it."""
    with open(os.path.join(root, f'{kind}.{POS_FILES[pos]}'), encoding='latin-1') as f:
        yield from (line for line in f if not line.startswith(' '))


def read_index(root, pos):
    """lemma -> synset offsets, most frequent sense first."""
    out = {}
    for line in records(root, 'index', pos):
        parts = line.split()
        lemma, synset_cnt, p_cnt = parts[0], int(parts[2]), int(parts[3])
        offsets = parts[4 + p_cnt + 2:]
        assert len(offsets) == synset_cnt, line
        out[lemma] = offsets
    return out


def read_data(root, pos):
    """offset -> (words, hypernym offsets, derivation targets per word number)."""
    out = {}
    for line in records(root, 'data', pos):
        fields = line.split(' | ')[0].split()
        offset = fields[0]
        w_cnt = int(fields[3], 16)
        words = [fields[4 + 2 * i].lower() for i in range(w_cnt)]
        i = 4 + 2 * w_cnt
        p_cnt = int(fields[i])
        hypers, derived = [], {}
        for k in range(p_cnt):
            sym, target, tpos, st = fields[i + 1 + 4 * k: i + 5 + 4 * k]
            tpos = 'a' if tpos == 's' else tpos
            if sym in ('@', '@i'):
                hypers.append(f'{tpos}{target}')
            elif sym == '+' and tpos in POS_FILES:
                source = int(st[:2], 16)
                derived.setdefault(source, []).append(f'{tpos}{target}')
        out[offset] = (words, hypers, derived)
    return out


def read_wordnet(root):
    """Every part of speech's index (lemma -> offsets) and data (offset -> synset)."""
    return {pos: read_index(root, pos) for pos in POS_FILES}, {pos: read_data(root, pos) for pos in POS_FILES}


def build(index, data, max_senses=MAX_SENSES, max_hyponyms=MAX_HYPONYMS, derived_links=True, parts='nva'):
    """lemma -> [senses, broader], concept ids renumbered densely over what is kept."""
    ids = {}

    def dense(key):
        return ids.setdefault(key, len(ids))

    hyponyms = {}
    for pos in POS_FILES:
        for offset, (_, hypers, _) in data[pos].items():
            for h in hypers:
                hyponyms[h] = hyponyms.get(h, 0) + 1
    words = {}
    for pos in parts:
        for lemma, offsets in index[pos].items():
            if not WORD.match(lemma):
                continue
            senses, broader = words.setdefault(lemma, (set(), set()))
            for offset in offsets[:max_senses]:
                members, hypers, derived = data[pos][offset]
                senses.add(dense(f'{pos}{offset}'))
                if pos == 'a':
                    continue  # adjectives: synonyms only (no hypernyms; their derivations are nouns of quality)
                for h in hypers:
                    if max_hyponyms is None or hyponyms.get(h, 0) <= max_hyponyms:
                        broader.add(dense(h))
                number = members.index(lemma) + 1 if lemma in members else 0
                for target in (derived.get(number, []) if derived_links else []):
                    senses.add(dense(target))
    # a concept no other word shares tells nothing: keep only ids two or more words mention
    count = {}
    for senses, broader in words.values():
        for i in senses | broader:
            count[i] = count.get(i, 0) + 1
    table = {}
    for lemma, (senses, broader) in sorted(words.items()):
        s = sorted(i for i in senses if count[i] > 1)
        b = sorted(i for i in broader if count[i] > 1 and i not in senses)
        if s or b:
            table[lemma] = [s, b]
    # renumber again, densely over what is kept
    keep = sorted({i for s, b in table.values() for i in s + b})
    renum = {i: k for k, i in enumerate(keep)}
    return {lemma: [[renum[i] for i in s], [renum[i] for i in b]] for lemma, (s, b) in table.items()}


def people(index, data):
    """The words whose first noun sense is "person" itself (someone, somebody, individual), and those
    whose first noun sense is a kind of person (assistant, attendant, clerk, guest): a request for
    "someone" is a request for one of them, though "person" is far too broad a concept to relate
    every pair of its members."""
    person = f'n{PERSON}'
    closure = {}

    def is_person_kind(key, depth=0):
        if key == person:
            return True
        if key in closure or depth > 30:
            return closure.get(key, False)
        closure[key] = any(is_person_kind(h, depth + 1) for h in data['n'][key[1:]][1] if h.startswith('n'))
        return closure[key]

    person_words, person_kinds = [], []
    for lemma, offsets in index['n'].items():
        if not WORD.match(lemma) or not offsets:
            continue
        first = f'n{offsets[0]}'
        if first == person:
            person_words.append(lemma)
        elif is_person_kind(first):
            person_kinds.append(lemma)
    return sorted(person_words), sorted(person_kinds)


def licence(root):
    """WordNet's licence, as its index files carry it (lines starting with a space and a number)."""
    lines = []
    with open(os.path.join(root, 'index.noun'), encoding='latin-1') as f:
        for line in f:
            if not line.startswith(' '):
                break
            lines.append(re.sub(r'^\s*\d+ ?', '', line.rstrip()))
    return '\n'.join(lines).strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--wordnet', default='/usr/share/wordnet', help="WordNet 3.0 database folder (Debian's wordnet-base)")
    ap.add_argument('--out', default='models/needle/lexicon.json.gz')
    ap.add_argument('--senses', type=int, default=MAX_SENSES, help='senses per part of speech a word keeps')
    ap.add_argument('--max-hyponyms', type=int, default=MAX_HYPONYMS)
    ap.add_argument('--no-derived', action='store_true', help='leave out derivation links (measured: worse)')
    ap.add_argument('--parts', default='nva', help='parts of speech: n(ouns), v(erbs), a(djectives)')
    args = ap.parse_args()
    index, data = read_wordnet(args.wordnet)
    table = build(index, data, args.senses, args.max_hyponyms, not args.no_derived, args.parts)
    person_words, person_kinds = people(index, data)
    doc = {
        'format': 'needle-lexicon-1',
        'source': 'WordNet 3.0 (Princeton University), Debian package wordnet-base',
        'licence': licence(args.wordnet),
        'maxSenses': args.senses,
        'words': table,
        'personWords': person_words,
        'personKinds': person_kinds,
    }
    raw = json.dumps(doc, separators=(',', ':')).encode()
    # no file name and no time in the gzip header: the same WordNet gives the same bytes wherever it is built
    with open(args.out, 'wb') as out, gzip.GzipFile(filename='', mode='wb', fileobj=out, mtime=0) as f:
        f.write(raw)
    print(f'{len(person_words)} words for a person, {len(person_kinds)} for a kind of person')
    print(f'{len(table)} words, {len(raw) / 1e6:.1f} MB json, {os.path.getsize(args.out) / 1e6:.2f} MB gzip -> {args.out}')


if __name__ == '__main__':
    main()
