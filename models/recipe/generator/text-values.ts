/**
 * Free-text values composed from word lists, so that a free-text argument (a shopping item, a task,
 * a message, a city) is learnt as "copy the span the user said" rather than recalled from a short
 * list of values seen in training. With only a dozen values per parameter the model learnt to cut
 * a value it did not know down to one it did ("oat milk" -> "milk", "renew passport" -> "renew").
 * A text domain names the shape of its values, and so may an enum domain that is sometimes offered as
 * a free string (rooms, recipients); `dsl.ts` draws a composed value for about a third of them.
 */
import type { Rng } from './dsl.js';

export type TextShape = 'item' | 'task' | 'message' | 'place' | 'label' | 'reference' | 'device' | 'topic' | 'payload' | 'person' | 'area';

const GOODS = ['apples', 'pears', 'grapes', 'lemons', 'limes', 'carrots', 'onions', 'garlic', 'potatoes', 'spinach', 'lettuce',
  'cucumbers', 'peppers', 'mushrooms', 'avocados', 'strawberries', 'blueberries', 'cheese', 'cream', 'flour', 'sugar', 'salt',
  'honey', 'jam', 'cereal', 'oats', 'noodles', 'beans', 'lentils', 'chickpeas', 'tuna', 'salmon', 'chicken', 'sausages', 'bacon',
  'ham', 'tofu', 'hummus', 'crisps', 'biscuits', 'crackers', 'chocolate', 'ice cream', 'tea bags', 'juice', 'sparkling water',
  'soda', 'wine', 'beer', 'vinegar', 'ketchup', 'mustard', 'mayonnaise', 'soy sauce', 'shampoo', 'conditioner', 'toothpaste',
  'soap', 'deodorant', 'razors', 'tissues', 'napkins', 'bin bags', 'foil', 'cling film', 'sponges', 'bleach', 'detergent',
  'light bulbs', 'candles', 'matches', 'glue', 'tape', 'envelopes', 'stamps', 'pens', 'notebooks', 'dog food', 'bird seed',
  'nappies', 'wipes', 'plasters', 'vitamins', 'charcoal', 'firewood', 'milk', 'bread', 'butter', 'eggs', 'yogurt', 'rice', 'coffee',
  'cookies', 'muffins', 'bagels', 'tortillas', 'peanut butter', 'walnuts', 'raisins', 'basil', 'ginger', 'cinnamon', 'paprika'];
const MODIFIERS = ['oat', 'almond', 'soy', 'whole', 'brown', 'white', 'red', 'green', 'fresh', 'frozen', 'organic', 'smoked',
  'sliced', 'grated', 'spicy', 'sweet', 'dark', 'low fat', 'gluten free', 'vegan', 'large', 'small', 'spare', 'extra', 'baby',
  'greek', 'italian', 'cheap', 'big', 'rechargeable', 'unsalted', 'free range', 'decaf', 'instant'];
const VERBS = ['fix', 'clean', 'call', 'email', 'book', 'cancel', 'renew', 'pay', 'order', 'return', 'collect', 'wash', 'paint',
  'repair', 'check', 'replace', 'sort', 'tidy', 'pack', 'sell', 'post', 'print', 'sign', 'update', 'empty', 'defrost', 'sweep',
  'iron', 'pick up', 'drop off', 'phone', 'visit', 'measure', 'oil', 'charge', 'hoover', 'polish', 'label', 'back up'];
const OBJECTS = ['the car', 'the bike', 'my passport', 'passport', 'the dentist', 'the plumber', 'the landlord', 'the insurance',
  'the gas bill', 'the tax return', 'the gutters', 'the shed', 'the fence', 'the windows', 'the kitchen tap', 'the smoke alarm',
  'the boiler', 'the tickets', 'the library books', 'the parcel', 'the hotel', 'the vet', 'the school form', 'the spare key',
  'the freezer', 'the gym membership', 'the recycling', 'the shirts', 'the garden hose', 'the photos', 'the laptop', 'grandpa',
  'aunt maria', 'the electrician', 'the curtains', 'the garage', 'the oven', 'my glasses', 'the rug', 'the piano', 'the bins'];
const SUBJECTS = ["i'm", "we're", 'the kids are', 'dad is', 'mum is', 'the taxi is', 'your parcel is', 'the plumber is', 'lunch is',
  'the car is', 'the bus is', 'everyone is'];
const STATES = ['on the way', 'running late', 'at the station', 'outside', 'nearly home', 'stuck in traffic', 'ready', 'here',
  'downstairs', 'at the shop', 'in the car', 'five minutes away', 'back', 'done', 'at the gate', 'upstairs', 'almost there'];
const LOOSE_MESSAGES = ['call me back', 'see you soon', 'please tidy your room', 'the meeting moved to friday', 'do not wait up',
  'love you', 'happy birthday', 'good luck today', 'the wifi is down', 'bring a jacket', 'we need to talk', 'the match starts at six',
  'lunch in five minutes', 'the doors close soon', 'visiting hours are over', 'the car park is full', 'please wash your hands'];
const PLACES = ['lisbon', 'dublin', 'oslo', 'vienna', 'prague', 'warsaw', 'athens', 'cairo', 'nairobi', 'lagos', 'mumbai', 'delhi',
  'bangkok', 'seoul', 'beijing', 'shanghai', 'manila', 'jakarta', 'melbourne', 'auckland', 'vancouver', 'montreal', 'seattle',
  'denver', 'miami', 'dallas', 'houston', 'atlanta', 'mexico city', 'lima', 'bogota', 'santiago', 'buenos aires', 'sao paulo',
  'cape town', 'istanbul', 'helsinki', 'stockholm', 'copenhagen', 'brussels', 'zurich', 'geneva', 'milan', 'naples', 'barcelona',
  'seville', 'porto', 'edinburgh', 'glasgow', 'manchester', 'leeds', 'bristol', 'cardiff', 'belfast', 'cork', 'reykjavik',
  'krakow', 'budapest', 'munich', 'hamburg', 'lyon', 'marseille', 'phoenix', 'portland', 'san diego', 'new orleans', 'kyoto'];
const LABELS = ['laundry', 'cake', 'roast', 'nap', 'yoga', 'school run', 'dentist', 'train', 'bus', 'football', 'piano', 'swim',
  'bins', 'pizza', 'soup', 'steak', 'meditation', 'homework', 'stretch', 'medicine', 'plants', 'pickup', 'call', 'tea', 'run'];
const SURNAMES = ['brown', 'wilson', 'taylor', 'anderson', 'thomas', 'jackson', 'harris', 'martin', 'thompson', 'moore', 'clark',
  'lewis', 'walker', 'hall', 'young', 'king', 'wright', 'lopez', 'hill', 'scott', 'adams', 'baker', 'nelson', 'carter', 'mitchell',
  'perez', 'roberts', 'turner', 'campbell', 'parker', 'evans', 'collins', 'stewart', 'sanchez', 'morris', 'cook', 'morgan', 'murphy',
  'bailey', 'rivera', 'cooper', 'ward', 'torres', 'peterson', 'ramirez', 'watson', 'brooks', 'kelly', 'bennett', 'hughes', 'flores',
  'novak', 'jensen', 'rossi', 'schmidt', 'dubois', 'silva', 'tanaka', 'kim', 'singh', 'okafor'];
const DEVICE_KINDS = ['desk', 'floor', 'wall', 'tree', 'bedside', 'reading', 'window', 'cabinet', 'bar', 'patio', 'pond', 'fish tank',
  'salt', 'lava', 'neon', 'mood', 'shelf', 'fairy', 'infrared', 'corner', 'hallway', 'mirror', 'aquarium', 'plant', 'gaming'];
const DEVICE_NOUNS = ['lamp', 'light', 'lights', 'fan', 'heater', 'pump', 'speaker', 'strip', 'sign', 'fountain', 'mat', 'blanket',
  'kettle', 'socket', 'display', 'humidifier', 'diffuser', 'charger', 'console', 'monitor'];
const TOPIC_PLACES = ['home', 'office', 'garage', 'garden', 'lab', 'shop', 'kitchen', 'cellar', 'barn', 'studio', 'factory', 'line2', 'site1'];
const TOPIC_THINGS = ['lamp', 'fan', 'heater', 'pump', 'door', 'sensor', 'valve', 'sign', 'relay', 'siren', 'motor', 'light', 'blind'];
const TOPIC_LEAVES = ['set', 'cmd', 'state', 'power', 'mode'];
const PAYLOADS = ['on', 'off', 'open', 'close', 'toggle', 'reset', 'start', 'stop', 'auto', 'manual', 'high', 'low', 'blink', 'mute',
  'unmute', 'lock', 'unlock', 'red', 'green', 'pause', 'resume', 'ping', 'enable', 'disable'];

const PEOPLE = ['john', 'anna', 'maria', 'david', 'sarah', 'tom', 'lucy', 'peter', 'olivia', 'liam', 'noah', 'mia', 'sophie',
  'james', 'ben', 'chloe', 'daniel', 'grace', 'henry', 'isla', 'leo', 'nina', 'oscar', 'paul', 'rosa', 'sam', 'tara', 'victor',
  'zoe', 'uncle bob', 'aunt sue', 'the babysitter', 'my boss', 'the neighbours', 'nana', 'my sister', 'my brother', 'the team'];
const AREAS = ['pantry', 'sunroom', 'conservatory', 'loft', 'den', 'playroom', 'utility room', 'wine cellar', 'studio', 'landing',
  'en suite', 'mudroom', 'balcony', 'terrace', 'driveway', 'shed', 'gym', 'library', 'games room', 'master bedroom', 'spare room',
  'front room', 'back room', 'toilet', 'cloakroom', 'boot room', 'summer house', 'greenhouse', 'workshop', 'upstairs hall'];

const maybe = (r: Rng, p: number, text: string): string => (r.chance(p) ? text : '');
const join = (...parts: string[]): string => parts.filter(Boolean).join(' ');

/** One composed value of the given shape (lowercase words, as the speech renderer expects). */
export function composedText(shape: TextShape, r: Rng): string {
  switch (shape) {
    case 'item': return r.chance(0.5) ? join(r.pick(MODIFIERS), r.pick(GOODS)) : r.pick(GOODS);
    case 'task': return join(r.pick(VERBS), r.pick(OBJECTS), maybe(r, 0.15, r.pick(['today', 'this week', 'before friday', 'again'])));
    case 'message':
      if (r.chance(0.3)) return r.pick(LOOSE_MESSAGES);
      if (r.chance(0.2)) return join(r.pick(['please bring', "don't forget the", 'we are out of', 'can you get']), r.pick(GOODS));
      return join(r.pick(SUBJECTS), r.pick(STATES));
    case 'place': return r.pick(PLACES);
    case 'label': return r.pick(LABELS);
    case 'reference': return r.chance(0.7) ? r.pick(SURNAMES) : `${r.pick(['a', 'b', 'k', 'm', 'q', 'z'])}${r.int(10, 999)}`;
    case 'device': return r.chance(0.7) ? join(r.pick(DEVICE_KINDS), r.pick(DEVICE_NOUNS)) : r.pick(DEVICE_NOUNS);
    case 'topic': return [r.pick(TOPIC_PLACES), r.pick(TOPIC_THINGS), ...(r.chance(0.5) ? [r.pick(TOPIC_LEAVES)] : [])].join('/');
    case 'payload': return r.pick(PAYLOADS);
    case 'person': return r.pick(PEOPLE);
    case 'area': return r.pick(AREAS);
  }
}
