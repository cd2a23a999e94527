/**
 * A fourth batch of training families: a home battery, a heated bed, a hot tub, a fridge, a sleep
 * sound machine, and at work a kiln, stock levels, shift output, parking payment and public
 * transport departures. More kinds of tools in training is what the model card found to help on
 * tools the model never saw. None overlaps a held-out family (no cameras, gates, vacuums, pumps,
 * light temperature or calling staff), and none is a tool set of the hand-written development sets,
 * which stay unseen.
 */
import type { FamilySpec } from './dsl.js';

export const EXTRA_FAMILIES_4: FamilySpec[] = [
  {
    id: 'home_battery', related: ['energy_query', 'battery_query'],
    names: ['home battery', 'battery mode', 'set battery mode', 'storage mode', 'powerwall'],
    descriptions: ['Set the operating mode and backup reserve of the home battery', 'Home energy storage mode'],
    params: [
      { key: 'mode', names: ['mode', 'operation', 'strategy'], descriptions: ['Operating mode'],
        domain: { kind: 'enum', values: { self_consumption: ['self consumption', 'self powered'], backup: ['backup', 'backup only'], grid_charge: ['grid charge', 'charge from the grid'], time_of_use: ['time of use', 'time based'] }, sizes: [2, 4] } },
      { key: 'reserve', names: ['reserve', 'backup reserve', 'min soc', 'reserve percent'], descriptions: ['Charge kept for outages, percent'], domain: { kind: 'percent' }, required: 0.3 },
    ],
    templates: [
      'set the [home battery|powerwall] to {mode} [mode|]', 'battery mode {mode}', '[please|can you|] switch the battery to {mode}', 'keep {reserve} in the battery for outages {!mode=backup}',
      "a storm is coming save the battery {!mode=backup}", 'electricity is cheap tonight charge the battery from the grid {!mode=grid_charge}', 'run the house on the solar battery {!mode=self_consumption}',
      'battery reserve {reserve} [on {mode}|]', '{mode} mode on the [storage|battery] [please|]',
    ],
  },
  {
    id: 'heated_bed', related: ['thermostat', 'switch_plug'],
    names: ['bed warmer', 'heated mattress', 'set bed heat', 'electric blanket', 'mattress pad'],
    descriptions: ['Warm one side of the bed to a level from 1 to 10', 'Heated mattress pad'],
    params: [
      { key: 'level', names: ['level', 'heat', 'setting', 'warmth'], descriptions: ['Warmth 1-10, 0 is off', 'Heat level'], domain: { kind: 'int', min: 0, max: 10 } },
      { key: 'side', names: ['side', 'zone', 'which side'], descriptions: ['Which side of the bed'], required: 0.5,
        domain: { kind: 'enum', values: { left: ['left'], right: ['right'] }, styles: [{ left: 'left', right: 'right' }, { left: 'LEFT', right: 'RIGHT' }] } },
    ],
    templates: [
      'set the bed warmer to {level}', '[warm|heat] the {side} side of the bed to {level}', '[please|can you|] put the electric blanket on {level}', 'bed heat {level} [on the {side} side|]',
      "my feet are cold warm the bed to {level}", 'turn the bed warmer off {!level=0}', "it's too hot in bed {!level=0}", 'mattress {side} side level {level}',
    ],
  },
  {
    id: 'hot_tub', related: ['thermostat', 'hot_water'],
    names: ['hot tub', 'spa', 'set spa', 'jacuzzi', 'hot tub heater'],
    descriptions: ['Heat the hot tub to a temperature or switch its heater off', 'Spa control'],
    params: [
      { key: 'state', names: ['state', 'power', 'heater'], descriptions: ['Heater on or off'],
        domain: { kind: 'enum', values: { on: ['on'], off: ['off'] }, styles: [{ on: 'on', off: 'off' }, { on: 'ON', off: 'OFF' }],
          asBoolean: { chance: 0.3, values: { on: true, off: false }, names: ['heating', 'on', 'heater on'], descriptions: ['true heats the tub', 'Whether the heater runs'] } } },
      { key: 'temperature', names: ['temperature', 'target', 'water temp', 'setpoint'], descriptions: ['Water temperature in celsius'], domain: { kind: 'int', min: 30, max: 40, unit: ['degrees'] }, required: 0.4 },
    ],
    templates: [
      '[turn|switch] {state} the hot tub', 'heat the [hot tub|spa] to {temperature} {!state=on}', 'hot tub {state} [please|]', '[please|can you|] set the jacuzzi to {temperature} {!state=on}',
      "we're having a soak tonight get the tub warm {!state=on}", 'nobody is using the spa switch it off {!state=off}', 'spa to {temperature} {!state=on}', 'keep the tub at {temperature} {!state=on}',
    ],
  },
  {
    id: 'fridge', related: ['thermostat', 'switch_plug'],
    names: ['fridge', 'refrigerator', 'set fridge', 'fridge mode', 'freezer'],
    descriptions: ['Set the fridge mode', 'Refrigerator settings'],
    params: [
      { key: 'mode', names: ['mode', 'setting', 'program'], descriptions: ['Fridge mode'],
        domain: { kind: 'enum', values: { normal: ['normal', 'standard'], super_cool: ['super cool', 'fast cool'], super_freeze: ['super freeze', 'fast freeze'], holiday: ['holiday', 'vacation'], eco: ['eco'] }, sizes: [3, 5] } },
    ],
    templates: [
      'set the [fridge|refrigerator] to {mode} [mode|]', 'fridge {mode} [please|]', '[please|can you|] put the freezer on {mode}', 'i just bought a lot of frozen food {!mode=super_freeze}',
      "we're away for two weeks put the fridge on holiday {!mode=holiday}", 'the drinks need to be cold fast {!mode=super_cool}', '{mode} mode for the fridge', 'back to normal on the fridge {!mode=normal}',
    ],
  },
  {
    id: 'sound_machine', related: ['media_playback', 'media_volume'],
    names: ['sound machine', 'white noise', 'sleep sounds', 'play ambient', 'noise machine'],
    descriptions: ['Play a sleep sound for a while', 'White noise machine'],
    params: [
      { key: 'sound', names: ['sound', 'track', 'noise'], descriptions: ['Which sound'],
        domain: { kind: 'enum', values: { rain: ['rain', 'rainfall'], ocean: ['ocean', 'waves', 'the sea'], white_noise: ['white noise', 'static'], forest: ['forest', 'birds'], fan: ['fan', 'fan noise'] }, sizes: [3, 5] } },
      { key: 'duration', names: ['duration', 'for', 'seconds', 'timer'], descriptions: ['How long in seconds'], domain: { kind: 'duration', max: 28800 }, required: 0.3 },
    ],
    templates: [
      'play {sound} sounds', '[please|can you|] put on {sound} for {duration}', 'sound machine {sound} [please|]', "i can't sleep play some {sound}",
      'white noise machine on {sound}', '{sound} for {duration} [please|]', 'help me fall asleep with {sound}', 'start the {sound} track',
    ],
  },
  {
    id: 'kiln', related: ['oven', 'machine_status'],
    names: ['kiln', 'start firing', 'kiln program', 'fire kiln', 'furnace program'],
    descriptions: ['Start or stop a kiln firing program', 'Kiln controller'],
    params: [
      { key: 'action', names: ['action', 'command'], descriptions: ['start or stop'],
        domain: { kind: 'enum', values: { start: ['start', 'begin', 'run'], stop: ['stop', 'abort'] }, styles: [{ start: 'start', stop: 'stop' }, { start: 'START', stop: 'ABORT' }] } },
      { key: 'program', names: ['program', 'schedule', 'firing'], descriptions: ['Firing program'], required: 0.6,
        domain: { kind: 'enum', values: { bisque: ['bisque', 'biscuit'], glaze: ['glaze', 'glaze firing'], low_fire: ['low fire'], annealing: ['annealing', 'anneal'] }, sizes: [2, 4] } },
    ],
    templates: [
      '{action} the kiln', '{action} the {program} firing', '[please|can you|] run a {program} [firing|program] on the kiln {!action=start}', 'kiln {action} [please|]',
      'the pots are loaded fire the kiln on {program} {!action=start}', 'something cracked abort the firing {!action=stop}', 'fire the {program} [schedule|program] now {!action=start}', 'furnace {program} {action}',
    ],
  },
  {
    id: 'stock_query', related: ['tank_level', 'shopping_list'],
    names: ['stock level', 'check stock', 'inventory', 'get inventory', 'stock lookup'],
    descriptions: ['How many units of an item are in stock', 'Inventory lookup'],
    params: [
      { key: 'item', names: ['item', 'product', 'sku', 'part'], descriptions: ['Item to look up'],
        domain: { kind: 'text', values: ['m6 bolts', 'cardboard boxes', 'blue paint', 'safety gloves', 'printer paper', 'spare belts'], shape: 'item' } },
      { key: 'warehouse', names: ['warehouse', 'location', 'store'], descriptions: ['Which stock location'], required: 0.3,
        domain: { kind: 'enum', values: { main: ['main warehouse', 'the main store'], north: ['north depot', 'north warehouse'], shop_floor: ['shop floor', 'line side'] }, sizes: [2, 3] } },
    ],
    templates: [
      'how many {item} do we have', 'check stock of {item}', '[please|can you|] look up {item} in the {warehouse}', "are we out of {item}",
      'inventory {item} [please|]', 'do we have any {item} left in the {warehouse}', 'stock level for {item}', 'how much {item} is on the shelf',
    ],
  },
  {
    id: 'shift_output', related: ['machine_status', 'counter_reset', 'production_target'],
    names: ['shift output', 'production count', 'get output', 'parts made', 'shift report'],
    descriptions: ['How many good parts a line made in a shift', 'Production count per shift'],
    params: [
      { key: 'shift', names: ['shift', 'period', 'crew'], descriptions: ['Which shift'],
        domain: { kind: 'enum', values: { morning: ['morning', 'early'], afternoon: ['afternoon', 'late'], night: ['night'], current: ['current'] }, sizes: [3, 4] } },
      { key: 'line', names: ['line', 'cell', 'machine'], descriptions: ['Which line'], required: 0.4,
        domain: { kind: 'enum', values: { line_1: ['line one', 'line 1'], line_2: ['line two', 'line 2'], press: ['the press', 'press line'] }, sizes: [2, 3] } },
    ],
    templates: [
      'how many parts did we make on the {shift} shift', '{shift} shift output [on {line}|]', '[please|can you|] give me the shift report for the {shift} shift', 'production count {line} {shift} shift',
      'how are we doing this shift {!shift=current}', 'did the night crew hit their numbers {!shift=night}', 'what did {line} produce on the {shift} shift', 'output so far on {line} {!shift=current}',
    ],
  },
  {
    id: 'parking_payment', related: ['kiosk_check_in', 'kiosk_print_ticket'],
    names: ['pay parking', 'parking', 'parking payment', 'pay for parking', 'car park'],
    descriptions: ['Pay for parking by number plate for a while', 'Parking payment'],
    params: [
      { key: 'plate', names: ['plate', 'registration', 'licence plate', 'vehicle'], descriptions: ['Number plate'],
        domain: { kind: 'text', values: ['ab12 cde', 'kx 4471', 'lm09 pqr', 'zz 1234', 'yt66 abc'], shape: 'reference' } },
      { key: 'duration', names: ['duration', 'seconds', 'time'], descriptions: ['How long to pay for, in seconds'], domain: { kind: 'duration', max: 43200 }, required: 0.6 },
    ],
    templates: [
      'pay parking for {plate}', 'pay for {duration} [of parking|] for {plate}', '[please|can you|] pay the car park for {plate}', 'parking {plate} {duration}',
      "i'm parked outside registration {plate}", 'my car is {plate} i need {duration}', 'add {duration} to {plate}', 'i want to pay for my parking the plate is {plate}',
    ],
  },
  {
    id: 'transit_departures', related: ['time_query', 'weather_query'],
    names: ['next departures', 'bus times', 'transit', 'departure board', 'next train'],
    descriptions: ['Next departures from a stop', 'Public transport times'],
    params: [
      { key: 'stop', names: ['stop', 'station', 'from'], descriptions: ['Which stop or station'],
        domain: { kind: 'enum', values: { central: ['central station', 'the main station'], market_square: ['market square'], airport: ['the airport'], hospital: ['the hospital stop'], university: ['the university'] }, sizes: [2, 5] } },
      { key: 'mode', names: ['mode', 'type', 'transport'], descriptions: ['Bus or train'], required: 0.3,
        domain: { kind: 'enum', values: { bus: ['bus', 'buses'], train: ['train', 'trains'], tram: ['tram', 'trams'] }, styles: [{ bus: 'bus', train: 'train', tram: 'tram' }, { bus: 'BUS', train: 'RAIL', tram: 'TRAM' }] } },
    ],
    templates: [
      'when is the next {mode} from {stop}', 'departures from {stop}', '[please|can you|] show the {mode} times for {stop}', 'next {mode} [at|from] {stop}',
      'am i going to miss my {mode} from {stop}', '{stop} {mode} times', 'what leaves {stop} soon',
    ],
  },
];
