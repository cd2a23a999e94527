/**
 * A third batch of training families: laundry, a fireplace, plant watering, device batteries, the
 * guest network, phone calls, radio stations, a stopwatch, do-not-disturb, and on the shop floor a
 * lift call, tank levels, alarm limits and production targets. More variety among the families the
 * model trains on is what the model card found to help on families it never sees. None of them
 * overlaps a held-out family (no cameras, gates, vacuums, pumps, light temperature or calling
 * staff), so the held-out-family evaluation stays unseen.
 */
import type { FamilySpec } from './dsl.js';
import { room } from './families-home.js';

export const EXTRA_FAMILIES_3: FamilySpec[] = [
  {
    id: 'washing_machine', related: ['dishwasher', 'switch_plug'],
    names: ['washing machine', 'start wash', 'laundry', 'washer', 'wash cycle'],
    descriptions: ['Start or stop the washing machine with a wash program', 'Washing machine control'],
    params: [
      { key: 'action', names: ['action', 'command', 'state'], descriptions: ['start, pause or stop'],
        domain: { kind: 'enum', values: { start: ['start', 'run'], pause: ['pause'], stop: ['stop', 'cancel'] }, styles: [{ start: 'start', pause: 'pause', stop: 'stop' }, { start: 'START', pause: 'PAUSE', stop: 'STOP' }] } },
      { key: 'program', names: ['program', 'cycle', 'wash program'], descriptions: ['Wash program'], required: 0.4,
        domain: { kind: 'enum', values: { cotton: ['cotton', 'cottons'], quick: ['quick', 'quick wash'], delicate: ['delicate', 'delicates', 'wool'], eco: ['eco'], synthetics: ['synthetics'] }, sizes: [3, 5] } },
    ],
    templates: [
      '{action} the [washing machine|washer|laundry]', '[start|run] a {program} wash {!action=start}', 'washing machine {action} [please|]', '[please|can you|] put the washer on {program} {!action=start}',
      "i've loaded the washer {!action=start}", 'hold on the washing {!action=pause}', 'the laundry needs doing {!action=start}', '{action} the {program} cycle',
    ],
  },
  {
    id: 'fireplace', related: ['switch_plug', 'thermostat'],
    names: ['fireplace', 'gas fire', 'set fireplace', 'fire control', 'stove'],
    descriptions: ['Light or put out the gas fireplace and set its flame height', 'Fireplace control'],
    params: [
      { key: 'state', names: ['state', 'power', 'action'], descriptions: ['on or off'],
        domain: { kind: 'enum', values: { on: ['on', 'light'], off: ['off', 'out'] }, styles: [{ on: 'on', off: 'off' }, { on: 'ON', off: 'OFF' }],
          asBoolean: { chance: 0.25, values: { on: true, off: false }, names: ['on', 'lit', 'burning'], descriptions: ['true lights the fire, false puts it out', 'Whether the fire burns'] } } },
      { key: 'flame', names: ['flame', 'flame height', 'level', 'intensity'], descriptions: ['Flame height 1-5', 'Flame level'], domain: { kind: 'int', min: 1, max: 5, unit: ['out of five'] }, required: 0.2 },
    ],
    templates: [
      '[turn|switch] {state} the [fireplace|fire|gas fire]', '[light|start] the fire {!state=on}', 'put the fire out {!state=off}', 'fireplace {state} [please|]',
      'set the flame to {flame} {!state=on}', "it's a cosy night let's have the fire {state=on}", 'fire on at level {flame} {!state=on}', '[please|can you|] turn the fire {state}',
    ],
  },
  {
    id: 'plant_watering', related: ['sprinkler_valve', 'valve'],
    names: ['water plants', 'plant watering', 'drip irrigation', 'water pot', 'plant care'],
    descriptions: ['Water an indoor plant or planter with an amount in millilitres', 'Give a plant water'],
    params: [
      { key: 'plant', names: ['plant', 'pot', 'planter', 'which'], descriptions: ['Which plant'],
        domain: { kind: 'enum', values: { fern: ['fern'], basil: ['basil', 'herbs'], monstera: ['monstera', 'big plant'], tomatoes: ['tomatoes', 'tomato plants'], orchid: ['orchid'] }, sizes: [2, 5] } },
      { key: 'amount', names: ['amount', 'ml', 'millilitres', 'volume'], descriptions: ['Water in millilitres', 'How much water (ml)'], domain: { kind: 'int', min: 50, max: 1000, step: 50, unit: ['millilitres', 'ml'] }, required: 0.3 },
    ],
    templates: [
      'water the {plant}', '[please|can you|] give the {plant} some water', 'give the {plant} {amount}', 'the {plant} looks thirsty', 'the soil of the {plant} is dry',
      '{plant} water [please|]', 'water {plant} with {amount}',
    ],
  },
  {
    id: 'battery_query', related: ['sensor_query', 'energy_query'],
    names: ['battery level', 'get battery', 'battery status', 'check battery', 'charge level'],
    descriptions: ['Report the battery level of a wireless device', 'Battery charge of a device'],
    params: [{ key: 'device', names: ['device', 'which', 'name', 'sensor'], descriptions: ['Which device'],
      domain: { kind: 'enum', values: { smoke_detector: ['smoke detector', 'smoke alarm'], door_sensor: ['door sensor'], remote: ['remote', 'remote control'], motion_sensor: ['motion sensor'], home_battery: ['home battery', 'powerwall'] }, sizes: [2, 5] } }],
    templates: [
      "what's the battery [level|] of the {device}", 'how much charge does the {device} have', 'is the {device} [battery|] running low', '{device} battery', 'check the battery in the {device}',
      'the {device} keeps beeping', 'does the {device} need new batteries',
    ],
  },
  {
    id: 'guest_wifi', related: ['switch_plug'],
    names: ['guest wifi', 'guest network', 'set guest wifi', 'wifi guest access', 'visitor wifi'],
    descriptions: ['Turn the guest wi-fi network on or off', 'Guest network access'],
    params: [
      { key: 'state', names: ['state', 'action', 'enabled'], descriptions: ['on or off'],
        domain: { kind: 'enum', values: { on: ['on', 'enable'], off: ['off', 'disable'] }, styles: [{ on: 'on', off: 'off' }, { on: 'enable', off: 'disable' }],
          asBoolean: { chance: 0.35, values: { on: true, off: false }, names: ['enabled', 'enable', 'active'], descriptions: ['true opens the guest network', 'Whether guests can connect'] } } },
      { key: 'duration', names: ['duration', 'for', 'seconds', 'valid for'], descriptions: ['How long, in seconds', 'Access time in seconds'], domain: { kind: 'duration', max: 86400 }, required: 0.2 },
    ],
    templates: [
      '[turn|switch] {state} the guest [wifi|network]', 'guest wifi {state} [please|]', 'we have visitors open the guest network {!state=on}', 'let the guests on the wifi for {duration} {!state=on}',
      "the guests have left [shut|close] the guest wifi {!state=off}", '{state} guest access', 'my friends need internet {!state=on}',
    ],
  },
  {
    id: 'call_contact', related: ['notification', 'doorbell_intercom'],
    names: ['call', 'phone call', 'start call', 'dial', 'ring contact'],
    descriptions: ['Start a voice call to a contact', 'Phone someone'],
    params: [
      { key: 'contact', names: ['contact', 'who', 'person', 'name'], descriptions: ['Who to call'],
        domain: { kind: 'text', values: ['mom', 'dad', 'grandma', 'john', 'sarah', 'the office', 'dr lee', 'my brother'], shape: 'person' } },
      { key: 'speaker', names: ['speaker', 'speakerphone', 'hands free', 'loudspeaker'], descriptions: ['Put the call on the loudspeaker'], required: 0,
        domain: { kind: 'bool', yes: ['on speaker', 'on the speaker', 'hands free'], no: ['not on speaker', 'on the handset'] } },
    ],
    templates: [
      'call {contact}', '[please|can you|] ring {contact}', 'phone {contact} {speaker}', 'i want to talk to {contact}', 'get {contact} on the phone', 'dial {contact} [please|]',
      'give {contact} a call', 'call {contact} {speaker}',
    ],
  },
  {
    id: 'radio_station', related: ['media_source', 'media_playback'],
    names: ['play radio', 'radio', 'tune radio', 'radio station', 'internet radio'],
    descriptions: ['Play a radio station on the speakers', 'Tune the radio'],
    params: [
      { key: 'station', names: ['station', 'channel', 'stream'], descriptions: ['Which station'],
        domain: { kind: 'enum', values: { news: ['the news station', 'news radio'], jazz_fm: ['jazz fm', 'jazz'], classic_fm: ['classic fm', 'classical'], radio_one: ['radio one', 'radio 1'], local: ['the local station', 'local radio'] }, sizes: [2, 5] } },
      room(0.2),
    ],
    templates: [
      '[play|put on] {station}', 'tune [the radio|] to {station}', 'radio {station} [please|]', '[please|can you|] play {station} in the {room}', 'i want to hear {station}',
      "what's on {station}", 'switch the radio to {station}',
    ],
  },
  {
    id: 'stopwatch', related: ['timer'],
    names: ['stopwatch', 'stop watch', 'lap timer', 'chronometer'],
    descriptions: ['Start, stop or reset the stopwatch', 'Stopwatch control'],
    params: [{ key: 'action', names: ['action', 'command', 'do'], descriptions: ['start, stop or reset'],
      domain: { kind: 'enum', values: { start: ['start', 'go'], stop: ['stop', 'halt'], reset: ['reset', 'clear'] }, styles: [{ start: 'start', stop: 'stop', reset: 'reset' }, { start: 'START', stop: 'STOP', reset: 'RESET' }] } }],
    templates: [
      '{action} the stopwatch', 'stopwatch {action} [please|]', '[please|can you|] {action} the [stop watch|stopwatch]', 'time me starting now {!action=start}', "i'm done how long did that take {!action=stop}",
      'start timing {!action=start}', 'zero the stopwatch {!action=reset}',
    ],
  },
  {
    id: 'do_not_disturb', related: ['scene', 'notification'],
    names: ['do not disturb', 'quiet mode', 'set dnd', 'silence notifications', 'focus mode'],
    descriptions: ['Silence announcements and notifications for a while', 'Do not disturb mode'],
    params: [
      { key: 'state', names: ['state', 'mode', 'action'], descriptions: ['on or off'],
        domain: { kind: 'enum', values: { on: ['on'], off: ['off'] }, styles: [{ on: 'on', off: 'off' }, { on: 'ON', off: 'OFF' }],
          asBoolean: { chance: 0.35, values: { on: true, off: false }, names: ['enabled', 'active', 'on'], descriptions: ['true silences notifications', 'Whether quiet mode is on'] } } },
      { key: 'duration', names: ['duration', 'for', 'seconds'], descriptions: ['How long in seconds'], domain: { kind: 'duration', max: 43200 }, required: 0.2 },
    ],
    templates: [
      '[turn|switch] {state} do not disturb', 'do not disturb {state} [please|]', "don't disturb me for {duration} {!state=on}", "i'm in a meeting keep quiet {!state=on}",
      'quiet mode {state}', 'no more interruptions please {!state=on}', "i'm out of the meeting you can talk again {!state=off}",
    ],
  },
  {
    id: 'lift_call', related: [],
    names: ['call lift', 'elevator', 'call elevator', 'lift control', 'send lift'],
    descriptions: ['Call the goods lift to a floor', 'Send the elevator to a floor'],
    params: [
      { key: 'floor', names: ['floor', 'level', 'storey', 'to floor'], descriptions: ['Floor number, 0 is the ground floor', 'Target floor'], domain: { kind: 'int', min: 0, max: 12 } },
      { key: 'lift', names: ['lift', 'elevator', 'car', 'which'], descriptions: ['Which lift'], required: 0.3,
        domain: { kind: 'enum', values: { goods: ['goods lift', 'freight elevator'], east: ['east lift', 'east elevator'], west: ['west lift', 'west elevator'] }, sizes: [2, 3] } },
    ],
    templates: [
      'call the [lift|elevator] to floor {floor}', 'send the {lift} to floor {floor}', '[please|can you|] bring the [lift|elevator] to level {floor}', 'i need the {lift} on floor {floor}',
      'lift to {floor}', 'elevator floor {floor} [please|]', 'i have a pallet to take up to floor {floor}',
    ],
  },
  {
    id: 'tank_level', related: ['sensor_query', 'machine_status'],
    names: ['tank level', 'get tank level', 'read tank', 'silo level', 'fill level'],
    descriptions: ['Report how full a tank or silo is, in percent', 'Tank fill level'],
    params: [{ key: 'tank', names: ['tank', 'silo', 'vessel', 'which'], descriptions: ['Which tank'],
      domain: { kind: 'enum', values: { water: ['water tank', 'rain tank'], diesel: ['diesel tank', 'fuel tank'], silo_1: ['silo one', 'silo 1'], coolant: ['coolant tank'], resin: ['resin tank'] }, sizes: [2, 5] } }],
    templates: [
      'how full is the {tank}', "what's the level [in|of] the {tank}", '{tank} level', 'is the {tank} [nearly|almost|] empty', 'do we need to refill the {tank}',
      'check the {tank} [please|]', 'how much is left in the {tank}',
    ],
  },
  {
    id: 'alarm_threshold', related: ['sensor_query'],
    names: ['set alarm limit', 'alarm threshold', 'set limit', 'high limit', 'set trip point'],
    descriptions: ['Set the high alarm limit of a process measurement', 'Alarm threshold setting'],
    params: [
      { key: 'measurement', names: ['measurement', 'sensor', 'signal', 'tag'], descriptions: ['Which measurement'],
        domain: { kind: 'enum', values: { oven_temperature: ['oven temperature'], line_pressure: ['line pressure', 'pressure'], motor_current: ['motor current'], vibration: ['vibration'] }, sizes: [2, 4] } },
      { key: 'limit', names: ['limit', 'threshold', 'value', 'setpoint'], descriptions: ['Alarm limit in the measurement unit', 'High limit'], domain: { kind: 'int', min: 5, max: 400, asNumber: 0.5 } },
    ],
    templates: [
      'set the {measurement} alarm to {limit}', '[raise|change|set] the {measurement} limit to {limit}', 'alarm me if the {measurement} goes over {limit}', '{measurement} high limit {limit}',
      '[please|can you|] put the {measurement} threshold at {limit}', 'trip the alarm at {limit} {measurement}',
    ],
  },
  {
    id: 'production_target', related: ['counter_reset', 'machine_status'],
    names: ['set target', 'production target', 'set batch size', 'order quantity', 'set quota'],
    descriptions: ['Set how many parts a line should make in this batch', 'Batch size for a production line'],
    params: [
      { key: 'quantity', names: ['quantity', 'count', 'target', 'parts'], descriptions: ['Parts to make', 'Batch size'], domain: { kind: 'int', min: 10, max: 5000, step: 10 } },
      { key: 'line', names: ['line', 'cell', 'machine'], descriptions: ['Which line'], required: 0.4,
        domain: { kind: 'enum', values: { line_1: ['line one', 'line 1'], line_2: ['line two', 'line 2'], press: ['the press', 'press'], packing: ['packing'] }, sizes: [2, 4] } },
    ],
    templates: [
      'set the [batch size|target] to {quantity} [on {line}|]', '{line} target {quantity}', 'we need {quantity} parts from {line}', '[please|can you|] make {quantity} [pieces|parts|units] on {line}',
      'the order is for {quantity} [units|pieces]', 'change the quota to {quantity}',
    ],
  },
];
