/**
 * Rooms and outdoor areas of a home, each with the other names people give it. The router uses them
 * to notice a call that acts on a place nobody named while the utterance names a place the tool does
 * not offer: "close the kitchen blinds" with blinds only for the living room and the bedroom had
 * closed the living room's at 0.997. Names in one group stand for each other ("lounge" for a
 * `living_room` value), so a user's own word for a configured room still counts as that room.
 */
import { humanize } from './serialize.js';

const PLACE_GROUPS: readonly (readonly string[])[] = [
  ['kitchen'], ['living room', 'lounge', 'sitting room', 'family room', 'livingroom'], ['bedroom', 'master bedroom'],
  ['bathroom', 'washroom', 'restroom', 'toilet', 'wc'], ['office', 'study', 'home office'], ['hallway', 'hall', 'corridor', 'entryway'],
  ['garage'], ['dining room', 'diningroom'], ['kids room', "children's room", 'childrens room', 'playroom'], ['basement', 'cellar'],
  ['porch', 'front porch'], ['garden', 'backyard', 'back garden', 'yard'], ['guest room', 'spare room'], ['attic', 'loft'],
  ['laundry room', 'laundry', 'utility room'], ['nursery', 'baby room'], ['patio', 'terrace', 'deck'], ['driveway'], ['den'],
];

/** place name -> index of its group */
const GROUP_OF: ReadonlyMap<string, number> = new Map(PLACE_GROUPS.flatMap((names, g) => names.map((n) => [n, g] as const)));
const LONGEST_FIRST = [...GROUP_OF.keys()].sort((a, b) => b.split(' ').length - a.split(' ').length);

/** The group of a value or phrase that is exactly a place name ("Living_Room", "lounge"), else undefined. */
export function placeGroup(text: string): number | undefined {
  return GROUP_OF.get(humanize(text));
}

/** The groups of the places a normalised utterance names, longer names first ("dining room" is not also a "room"). */
export function saidPlaceGroups(normalizedText: string): Set<number> {
  const out = new Set<number>();
  let rest = ` ${normalizedText} `;
  for (const name of LONGEST_FIRST) {
    const needle = ` ${name} `;
    if (!rest.includes(needle)) continue;
    out.add(GROUP_OF.get(name) as number);
    rest = rest.split(needle).join('  ');
  }
  return out;
}

/**
 * For each enum value: 1 for the one value that is a place the utterance names by another name
 * ("baby room" for NURSERY, "back garden" for BACKYARD), else 0; all 0 when the utterance names
 * none of the values' places, or the places of several values.
 */
export function placeSynonymHits(values: readonly string[], normalizedText: string): number[] {
  const said = saidPlaceGroups(normalizedText);
  const hits = values.map((v) => {
    const group = placeGroup(v);
    return group !== undefined && said.has(group) ? 1 : 0;
  });
  return hits.filter((x) => x > 0).length === 1 ? hits : values.map(() => 0);
}
