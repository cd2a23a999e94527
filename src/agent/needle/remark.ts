/**
 * Remarks: utterances that say what the speaker thinks of something ("the kitchen light is lovely",
 * "the roses smell lovely", "what a beautiful day") and ask for nothing. The model, trained on
 * situations that imply a command ("it's too dark in the kitchen" -> lights on), read some of them as
 * commands for the device they name: "the roses smell lovely" had watered the roses at 1.00 and "the
 * kitchen light is lovely" had switched it on at 1.00. An opinion word after a linking verb ("is",
 * "smells", "looks"…) or after "what a" / "such a", with no state word and no number said, makes the
 * utterance a remark; the router then keeps the answer under the default threshold.
 *
 * The speaker's taste is a remark as well ("i like the colour blue" beside a light colour tool).
 *
 * A fault report ("the light in the bedroom is broken", "the kettle stopped working") is a remark
 * on a thing's condition: it asks for a repair, not for a state. v8 had switched the broken light on
 * at 1.00. The router keeps such an answer under the threshold unless a call takes the report as
 * free text (a tool that files an issue), which is what the speaker wants done.
 *
 * A question about the assistant itself ("are you a robot", "who made you", "how are you today")
 * is small talk too: v8 had parked a robot cell at 1.00 for "are you a robot".
 */
import { isQuestion, POLARITY_STEMS, saidNumbers, saysAnyOf, spokenStems, wordsAfterFillers } from './lexical.js';

/** Words of praise or opinion that describe something without asking for a change. */
const OPINION_WORDS: ReadonlySet<string> = new Set([
  'lovely', 'nice', 'beautiful', 'gorgeous', 'great', 'amazing', 'awesome', 'wonderful', 'fantastic', 'pretty', 'cute', 'delicious',
  'tasty', 'comfortable', 'comfy', 'perfect', 'brilliant', 'stunning', 'ugly', 'fancy', 'boring', 'interesting', 'funny', 'adorable',
  'excellent', 'superb', 'terrific', 'charming', 'elegant', 'magnificent', 'marvellous', 'marvelous', 'splendid', 'fabulous', 'incredible',
]);
/** Words that link a thing to what is said of it. */
const LINKING_WORDS: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', "it's", "that's", "he's", "she's", "they're", "you're", 'look', 'looks', 'looked', 'smell', 'smells',
  'smelled', 'smelt', 'sound', 'sounds', 'sounded', 'seem', 'seems', 'seemed', 'feel', 'feels', 'felt', 'taste', 'tastes', 'tasted',
]);
/** Words that may stand between the linking word and the opinion ("is really comfortable"). */
const INTENSIFIERS: ReadonlySet<string> = new Set(['so', 'really', 'very', 'quite', 'pretty', 'absolutely', 'truly', 'just', 'rather', 'super', 'incredibly', 'a', 'an']);

/** Verbs of liking that open a remark on the speaker's taste ("i like the colour blue", "i love this song"). */
const LIKING_WORDS: ReadonlySet<string> = new Set(['like', 'love', 'hate', 'adore', 'prefer', 'enjoy', 'dislike', 'loved', 'liked', 'hated']);

/**
 * Whether a normalised utterance opens with the speaker's taste: "i" (then "really", "just", "do")
 * and a verb of liking, not followed by "to" or "it" ("i like to read", "i like it warmer" may ask
 * for something); "i'd like" is a request and is not this.
 */
function saysTaste(words: readonly string[]): boolean {
  if (words[0] !== 'i') return false;
  let j = 1;
  while (['really', 'just', 'do', 'so'].includes(words[j] ?? '')) j++;
  return LIKING_WORDS.has(words[j] ?? '') && !['to', 'it'].includes(words[j + 1] ?? '');
}

/** Whether a normalised utterance is a remark: an opinion said of something, no state and no number. */
export function isRemark(normalizedText: string): boolean {
  if (saysStateOrNumber(normalizedText)) return false;
  const words = normalizedText.split(' ').filter((w) => w.length > 0);
  if (saysTaste(wordsAfterFillers(normalizedText))) return true;
  return words.some((w, i) => {
    if (!OPINION_WORDS.has(w)) return false;
    let j = i - 1;
    while (j >= 0 && INTENSIFIERS.has(words[j] as string)) j--;
    const before = words[j] ?? '';
    // "what a lovely day", "such a nice view"
    const exclaimed = (before === 'what' || before === 'such') && j < i - 1;
    return LINKING_WORDS.has(before) || exclaimed;
  });
}

/** Phrases that say a thing is out of order. */
const FAULT = /\b(broken|busted|faulty|out of order|not working|(is|are|was|were)n't working|(does|do|did)n't work|(won't|will not|wont) work|stopped working)\b/;

/**
 * Whether a normalised utterance reports a fault: a phrase of a thing out of order, no state word
 * and no number said, and not a question ("has the press broken down" asks for its status).
 */
export function isFaultReport(normalizedText: string): boolean {
  // the fault's own words aside: "stopped working" says no stop
  return FAULT.test(normalizedText) && !saysStateOrNumber(normalizedText.replace(FAULT, ' ')) && !isQuestion(normalizedText);
}

/** Question words that ask who or what the assistant is ("who are you", "who made you"). */
const ASKING_WORDS: ReadonlySet<string> = new Set(['who', 'what', 'how', 'where', 'why']);
/** Verbs between a question word and "you" that ask about the assistant's being or making. */
const BEING_WORDS: ReadonlySet<string> = new Set(['are', 'were', 'made', 'built', 'created', 'designed', 'programmed', 'trained', 'invented', 'wrote']);
/** What "your" asks about the assistant itself ("what's your name"). */
const SELF_WORDS: ReadonlySet<string> = new Set(['name', 'age', 'favourite', 'favorite']);

/**
 * Whether a normalised utterance asks about the assistant itself: "are you ...", a question word
 * then a being or making verb then "you" ("who made you", "how are you"), or "what's your name";
 * no state word and no number said ("are you open on sunday" asks a kiosk for its hours).
 */
export function asksAboutAssistant(normalizedText: string): boolean {
  if (saysStateOrNumber(normalizedText)) return false;
  // leading fillers aside ("uh who made you"), but "when" opens a question of its own ("when are you open")
  const words = wordsAfterFillers(normalizedText);
  const [first = '', second = '', third = ''] = words;
  if ((first === 'are' || first === 'were' || first === "aren't") && second === 'you') return true;
  if (ASKING_WORDS.has(first) && BEING_WORDS.has(second) && third === 'you') return true;
  const asksWhat = first === "what's" || first === 'whats' || (first === 'what' && second === 'is');
  const yours = words.indexOf('your');
  return asksWhat && yours > 0 && yours <= 2 && SELF_WORDS.has(words[yours + 1] ?? '');
}

/** Whether an utterance says a side of some device state ("on", "stop", "open"…) or a number: then it asks for something. */
function saysStateOrNumber(normalizedText: string): boolean {
  return saidNumbers(normalizedText).length > 0 || saysAnyOf(POLARITY_STEMS, spokenStems(normalizedText));
}
