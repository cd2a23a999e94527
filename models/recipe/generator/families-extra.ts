/**
 * More devices people wire to a home or shop-floor agent: hot water, EV charging, windows, the
 * security alarm, the oven, a robot arm, public announcements, energy use, a pet feeder, a
 * humidifier. They add variety for families the model never sees: the model card found that
 * generalisation to unseen families peaks early in a run, and that variety, not more steps, is what
 * helps. None of them overlaps a held-out family (no cameras, gates, vacuums, pumps, light
 * temperature or calling staff), so the held-out-family evaluation stays unseen.
 */
import type { FamilySpec } from './dsl.js';
import { room } from './families-home.js';

export const EXTRA_FAMILIES: FamilySpec[] = [
  {
    id: 'hot_water', related: ['switch_plug', 'thermostat'],
    names: ['hot water', 'water heater', 'boiler control', 'set hot water', 'immersion heater', 'hot water boost'],
    descriptions: ['Turn the hot water on or off, or boost it for a while', 'Water heater control', 'Boiler hot water mode'],
    params: [
      { key: 'action', names: ['action', 'mode', 'state', 'command'], descriptions: ['on, off or boost', 'Hot water mode'],
        domain: { kind: 'enum', values: { on: ['on'], off: ['off'], boost: ['boost'] }, styles: [{ on: 'on', off: 'off', boost: 'boost' }, { on: 'ON', off: 'OFF', boost: 'BOOST' }] } },
      { key: 'duration', names: ['duration', 'seconds', 'boost seconds', 'for'], descriptions: ['Boost length in seconds', 'How long in seconds'], domain: { kind: 'duration', max: 7200 }, required: 0.2 },
    ],
    templates: [
      '[turn|switch] {action=on} the [hot water|water heater|boiler]', '[turn|switch] the [hot water|water heater|immersion] {action=off}', 'boost the hot water for {duration} {!action=boost}',
      'hot water {action} [please|]', "there's no hot water {!action=on}", 'i need a hot shower {!action=boost}', '{action=boost} the [boiler|hot water] [please|]',
      'put the hot water on boost for {duration} {!action=boost}', 'we are away turn off the [boiler|water heater] {!action=off}',
    ],
  },
  {
    id: 'ev_charger', related: ['switch_plug'],
    names: ['ev charger', 'car charger', 'charging control', 'set charging', 'wallbox', 'charge car'],
    descriptions: ['Start or stop charging the electric car, optionally at a current limit in amps', 'EV wallbox control'],
    params: [
      { key: 'action', names: ['action', 'command', 'state', 'charging'], descriptions: ['start or stop', 'Charging command'],
        domain: { kind: 'enum', values: { start: ['start'], stop: ['stop'] }, styles: [{ start: 'start', stop: 'stop' }, { start: 'START', stop: 'STOP' }, { start: 'charge', stop: 'stop' }],
          asBoolean: { chance: 0.2, values: { start: true, stop: false }, names: ['charging', 'enable', 'enabled', 'charge'], descriptions: ['true starts charging, false stops it', 'Whether the car should charge'] } } },
      { key: 'amps', names: ['amps', 'current', 'current limit', 'max amps', 'amperage'], descriptions: ['Charging current in amps', 'Current limit 6-32 A'], domain: { kind: 'int', min: 6, max: 32, unit: ['amps', 'amp'] }, required: 0.2 },
    ],
    templates: [
      '{action} charging [the car|my car|]', '{action} the [car|ev] charger', '[charge|plug in and charge] the car at {amps} {!action=start}', 'set the [charger|wallbox] to {amps} {!action=start}',
      'the car is full {!action=stop}', '[please|can you|] {action} the wallbox', 'i need the car charged by morning {!action=start}', 'charger {action}',
    ],
  },
  {
    id: 'window', related: ['cover'],
    names: ['window control', 'open window', 'set window', 'skylight', 'window opener', 'operate window'],
    descriptions: ['Open or close a motorised window or skylight', 'Window actuator control'],
    params: [
      { key: 'window', names: ['window', 'which', 'name', 'opening'], descriptions: ['Which window', 'Window name'], required: 0.7,
        domain: { kind: 'enum', values: { kitchen_window: ['kitchen window'], skylight: ['skylight', 'roof window'], bathroom_window: ['bathroom window'], bedroom_window: ['bedroom window'], greenhouse_vent: ['greenhouse vent', 'greenhouse window'] }, sizes: [2, 5] } },
      { key: 'action', names: ['action', 'command', 'state'], descriptions: ['open or close'],
        domain: { kind: 'enum', values: { open: ['open'], close: ['close', 'shut'] }, styles: [{ open: 'open', close: 'close' }, { open: 'OPEN', close: 'CLOSE' }, { open: 'opened', close: 'closed' }],
          asBoolean: { chance: 0.2, values: { open: true, close: false }, names: ['open', 'is open', 'opened'], descriptions: ['true opens, false closes', 'Whether the window should be open'] } } },
    ],
    templates: [
      '{action} the {window}', '[please|can you|] {action} the {window} [please|]', "it's raining [shut|close] the {window} {!action=close}", "it's stuffy [open|crack open] the {window} {!action=open}",
      '{window} {action}', 'let some air in through the {window} {!action=open}', 'make sure the {window} is closed {!action=close}',
    ],
  },
  {
    id: 'security_alarm', related: ['lock', 'scene'],
    names: ['security alarm', 'alarm system', 'arm alarm', 'set alarm mode', 'alarm panel', 'security system'],
    descriptions: ['Arm or disarm the burglar alarm, in away, home or night mode', 'Security system control'],
    params: [
      { key: 'action', names: ['action', 'command', 'state'], descriptions: ['arm or disarm'],
        domain: { kind: 'enum', values: { arm: ['arm'], disarm: ['disarm'] }, styles: [{ arm: 'arm', disarm: 'disarm' }, { arm: 'ARM', disarm: 'DISARM' }, { arm: 'armed', disarm: 'disarmed' }],
          asBoolean: { chance: 0.2, values: { arm: true, disarm: false }, names: ['armed', 'arm', 'enabled'], descriptions: ['true to arm, false to disarm', 'Whether the alarm is armed'] } } },
      { key: 'mode', names: ['mode', 'arm mode', 'profile'], descriptions: ['away, home or night'], required: 0.3,
        domain: { kind: 'enum', values: { away: ['away'], home: ['home', 'stay'], night: ['night'] } } },
    ],
    templates: [
      '{action} the [alarm|security system|burglar alarm]', '[please|can you] {action} the alarm', 'arm the alarm in {mode} mode {!action=arm}', 'set the [alarm|security system] to {mode} {!action=arm}',
      "i'm back [home|] turn off the [burglar alarm|security system] {!action=disarm}", 'alarm {action} [please|]', '{action=arm} the security system for the night {!mode=night}', 'security {action}',
    ],
  },
  {
    id: 'oven', related: ['machine_status'],
    names: ['oven', 'set oven', 'preheat oven', 'oven control', 'cooker'],
    descriptions: ['Preheat the oven to a temperature in degrees celsius, in a cooking mode', 'Oven control'],
    params: [
      { key: 'temperature', names: ['temperature', 'degrees', 'temp', 'setpoint'], descriptions: ['Oven temperature in degrees celsius', 'Target temperature'], domain: { kind: 'int', min: 100, max: 250, step: 10, unit: ['degrees', 'degrees celsius'] } },
      { key: 'mode', names: ['mode', 'program', 'function'], descriptions: ['Cooking mode'], required: 0.3,
        domain: { kind: 'enum', values: { bake: ['bake', 'conventional'], fan: ['fan', 'fan assisted'], grill: ['grill', 'broil'] } } },
    ],
    templates: [
      'preheat the oven to {temperature}', 'set the oven to {temperature} [on {mode}|]', '[please|can you|] heat the oven to {temperature}', 'oven {temperature} {mode}',
      'turn the oven on to {temperature}', '{mode} at {temperature} [please|]',
    ],
  },
  {
    id: 'robot_arm', related: ['machine_status', 'conveyor'],
    names: ['robot arm', 'run robot program', 'robot program', 'cell robot', 'arm control'],
    descriptions: ['Run a program on the cell robot arm', 'Send the robot arm to a position or program'],
    params: [
      { key: 'program', names: ['program', 'routine', 'job', 'task'], descriptions: ['Program to run', 'Robot routine'],
        domain: { kind: 'enum', values: { home: ['home', 'home position'], pick_place: ['pick and place'], palletize: ['palletize', 'palletizing'], calibrate: ['calibrate', 'calibration'], park: ['park', 'parking position'] }, sizes: [3, 5] } },
      { key: 'speed', names: ['speed', 'speed percent', 'override'], descriptions: ['Speed override percent'], domain: { kind: 'percent' }, required: 0.2 },
    ],
    templates: [
      'run the {program} [program|routine] on the robot [arm|]', 'robot {program}', 'send the robot arm [to|] {program}', '[please|can you|] start {program} on the [arm|robot]',
      'robot arm {program} at {speed}', 'we need to recalibrate the robot {!program=calibrate}', 'put the robot away {!program=park}',
    ],
  },
  {
    id: 'announce', related: ['notification'],
    names: ['announce', 'make announcement', 'public address', 'broadcast', 'pa announce', 'speak message'],
    descriptions: ['Speak a message over the loudspeakers', 'Public address announcement in a zone'],
    params: [
      { key: 'message', names: ['message', 'text', 'announcement', 'what'], descriptions: ['What to announce', 'Text to speak'],
        domain: { kind: 'text', values: ['dinner is ready', 'the store closes in ten minutes', 'break time', 'shift change in five minutes', 'please move your car', 'the meeting starts now', 'lunch is served', 'fire drill at noon'], shape: 'message' } },
      { key: 'zone', names: ['zone', 'area', 'speakers', 'where'], descriptions: ['Speaker zone'], required: 0.3,
        domain: { kind: 'enum', values: { everywhere: ['everywhere', 'all speakers'], upstairs: ['upstairs'], downstairs: ['downstairs'], warehouse: ['warehouse'], shop_floor: ['shop floor'] }, sizes: [2, 5] } },
    ],
    templates: [
      'announce {message}', '[please|can you|] announce {message} [in the|on the|] {zone}', 'tell everyone {message}', 'broadcast {message} [to the|] {zone}',
      'make an announcement {message}', 'say {message} on the speakers',
    ],
  },
  {
    id: 'energy_query', related: ['sensor_query'],
    names: ['energy usage', 'get energy', 'power consumption', 'energy report', 'meter reading'],
    descriptions: ['How much electricity was used in a period', 'Energy meter query'],
    params: [{ key: 'period', names: ['period', 'range', 'when', 'timeframe'], descriptions: ['Reporting period'],
      domain: { kind: 'enum', values: { today: ['today'], yesterday: ['yesterday'], this_week: ['this week'], this_month: ['this month'] }, styles: [{ today: 'today', yesterday: 'yesterday', this_week: 'this_week', this_month: 'this_month' }, { today: 'TODAY', yesterday: 'YESTERDAY', this_week: 'WEEK', this_month: 'MONTH' }] } }],
    templates: [
      'how much [electricity|power|energy] did we use {period}', 'energy usage {period}', "what's the power consumption {period}", '[please|can you|] give me the energy report for {period}',
      'how much did the house use {period}', 'meter reading {period}',
    ],
  },
  {
    id: 'pet_feeder', related: [],
    names: ['pet feeder', 'feed pet', 'dispense food', 'feeder', 'feed cat'],
    descriptions: ['Dispense portions from the automatic pet feeder', 'Feed the pet'],
    params: [{ key: 'portions', names: ['portions', 'amount', 'scoops', 'count'], descriptions: ['Number of portions', 'How many scoops'], domain: { kind: 'int', min: 1, max: 5 }, required: 0.4 }],
    templates: [
      'feed the [cat|dog]', 'give the [cat|dog] {portions} [portions|scoops]', '[please|can you|] dispense {portions} portions', 'the [cat|dog] is hungry',
      'feeder {portions} [portions|]', 'feed [the pets|the cat] {portions} scoops',
    ],
  },
  {
    id: 'humidifier', related: ['fan', 'hvac_mode'],
    names: ['humidifier', 'set humidity', 'humidity target', 'dehumidifier', 'humidistat'],
    descriptions: ['Set the target humidity in percent for a room', 'Humidifier control'],
    params: [room(0.4), { key: 'humidity', names: ['humidity', 'target', 'percent', 'level'], descriptions: ['Target relative humidity in percent'], domain: { kind: 'int', min: 30, max: 70, unit: ['percent'] } }],
    templates: ['set the humidity to {humidity} [in the {room}|]', '{room} humidity {humidity}', '[please|can you|] keep the {room} at {humidity} humidity', 'humidifier to {humidity} [please|]', 'target humidity {humidity} in the {room}'],
  },
];

/**
 * A second batch for the next run (not in any shipped run yet): appliances, a calendar, a
 * shop-floor stack light and label printer, kiosk language and check-in.
 */
export const EXTRA_FAMILIES_2: FamilySpec[] = [
  {
    id: 'coffee_machine', related: ['switch_plug'],
    names: ['coffee machine', 'make coffee', 'brew coffee', 'barista', 'coffee maker'],
    descriptions: ['Brew a drink on the coffee machine', 'Make a coffee of a given kind and size'],
    params: [
      { key: 'drink', names: ['drink', 'beverage', 'type', 'recipe'], descriptions: ['Which drink'],
        domain: { kind: 'enum', values: { espresso: ['espresso'], latte: ['latte'], cappuccino: ['cappuccino'], americano: ['americano'], flat_white: ['flat white'], hot_water: ['hot water'] }, sizes: [3, 6] } },
      { key: 'cups', names: ['cups', 'count', 'quantity'], descriptions: ['Number of cups'], domain: { kind: 'int', min: 1, max: 4 }, required: 0.2 },
    ],
    templates: [
      'make me [a|an] {drink}', '[please|can you|] brew [a|an] {drink}', '{drink} please', 'make {cups} {drink} [please|]', 'i need a coffee {!drink=americano}',
      'coffee machine {drink}', 'i could do with an {drink=espresso}',
    ],
  },
  {
    id: 'calendar_query', related: ['reminder', 'time_query'],
    names: ['get calendar', 'calendar events', 'agenda', 'list events', 'whats on'],
    descriptions: ['List the calendar events for a day', 'Read the agenda'],
    params: [{ key: 'day', names: ['day', 'date', 'when'], descriptions: ['Which day'],
      domain: { kind: 'enum', values: { today: ['today'], tomorrow: ['tomorrow'], monday: ['monday'], friday: ['friday'], weekend: ['the weekend', 'this weekend'] }, sizes: [3, 5] } }],
    templates: ["what's on my calendar {day}", 'do i have any meetings {day}', '[read|tell me] my agenda for {day}', 'am i free {day}', 'calendar {day}', 'what am i doing {day}'],
  },
  {
    id: 'stack_light', related: [],
    names: ['stack light', 'andon light', 'set beacon', 'signal tower', 'set andon'],
    descriptions: ['Set the colour of the machine stack light (andon)', 'Signal tower control'],
    params: [
      { key: 'color', names: ['color', 'colour', 'signal', 'state'], descriptions: ['Light colour'],
        domain: { kind: 'enum', values: { red: ['red'], yellow: ['yellow', 'amber'], green: ['green'], blue: ['blue'], off: ['off'] }, styles: [{ red: 'red', yellow: 'yellow', green: 'green', blue: 'blue', off: 'off' }, { red: 'RED', yellow: 'AMBER', green: 'GREEN', blue: 'BLUE', off: 'OFF' }] } },
      { key: 'station', names: ['station', 'cell', 'machine', 'line'], descriptions: ['Which station'], required: 0.3,
        domain: { kind: 'enum', values: { station_1: ['station one', 'station 1'], station_2: ['station two', 'station 2'], assembly: ['assembly'], packing: ['packing'] } } },
    ],
    templates: [
      'set the [stack light|andon|beacon] to {color}', '{station} [andon|light] {color}', 'we have a problem at {station} {!color=red}', 'all good at {station} {!color=green}',
      '[please|can you|] turn the andon {color} [at {station}|]', 'signal {color} on {station}',
    ],
  },
  {
    id: 'label_printer', related: ['kiosk_print_ticket'],
    names: ['print labels', 'label printer', 'print label', 'make labels'],
    descriptions: ['Print product labels on the line printer', 'Print a number of labels for a product'],
    params: [
      { key: 'product', names: ['product', 'sku', 'item', 'article'], descriptions: ['Product to label'],
        domain: { kind: 'text', values: ['blue widgets', 'bolts m8', 'oak panels', 'spare filters', 'cable ties', 'gear housings'], shape: 'item' } },
      { key: 'count', names: ['count', 'copies', 'quantity', 'labels'], descriptions: ['How many labels'], domain: { kind: 'int', min: 1, max: 500 }, required: 0.6 },
    ],
    templates: ['print {count} labels for {product}', '[please|can you|] print labels for {product}', 'label printer {product} {count}', 'i need {count} [labels|stickers] for the {product}', 'make {count} labels {product}'],
  },
  {
    id: 'kiosk_language', related: ['kiosk_show_page'],
    names: ['set language', 'change language', 'language', 'select language', 'ui language'],
    descriptions: ['Change the language of the kiosk screen', 'Switch the display language'],
    params: [{ key: 'language', names: ['language', 'lang', 'locale'], descriptions: ['Display language'],
      domain: { kind: 'enum', values: { en: ['english'], es: ['spanish', 'espanol'], fr: ['french'], de: ['german'], it: ['italian'], pl: ['polish'] }, sizes: [3, 6], styles: [{ en: 'en', es: 'es', fr: 'fr', de: 'de', it: 'it', pl: 'pl' }, { en: 'English', es: 'Spanish', fr: 'French', de: 'German', it: 'Italian', pl: 'Polish' }] } }],
    templates: ['[switch|change] to {language}', '{language} please', '[can you|please|] show this in {language}', 'do you speak {language}', 'language {language}', 'i only read {language}'],
  },
  {
    id: 'kiosk_check_in', related: ['kiosk_print_ticket'],
    names: ['check in', 'checkin', 'find booking', 'appointment check in', 'register arrival'],
    descriptions: ['Check a visitor in with their booking reference or name', 'Register an arrival'],
    params: [{ key: 'reference', names: ['reference', 'booking', 'name', 'code'], descriptions: ['Booking reference or surname'],
      domain: { kind: 'text', values: ['smith', 'garcia', 'miller', 'nguyen', 'patel', 'kowalski', 'abc123', 'x7k9'], shape: 'reference' } }],
    templates: ["i'm here to check in under {reference}", 'check in {reference}', '[please|can you|] check me in the name is {reference}', 'i have an appointment name {reference}', 'booking {reference}'],
  },
  {
    id: 'air_purifier', related: ['fan', 'switch_plug'],
    names: ['air purifier', 'purifier mode', 'set purifier', 'air cleaner'],
    descriptions: ['Set the air purifier mode', 'Air purifier control'],
    params: [room(0.4), { key: 'mode', names: ['mode', 'setting', 'preset'], descriptions: ['Purifier mode'],
      domain: { kind: 'enum', values: { auto: ['auto', 'automatic'], sleep: ['sleep', 'night'], turbo: ['turbo', 'max'], off: ['off'] } } }],
    templates: ['set the [air purifier|purifier] to {mode} [in the {room}|]', '{room} purifier {mode}', 'purifier {mode} [please|]', 'the air smells bad in the {room} {!mode=turbo}', "i'm going to sleep put the purifier on {mode=sleep}"],
  },
  {
    id: 'dishwasher', related: ['switch_plug'],
    names: ['dishwasher', 'start dishwasher', 'run dishwasher', 'dishwasher program'],
    descriptions: ['Start the dishwasher with a program, optionally delayed', 'Dishwasher control'],
    params: [
      { key: 'program', names: ['program', 'cycle', 'mode'], descriptions: ['Wash program'],
        domain: { kind: 'enum', values: { eco: ['eco'], quick: ['quick', 'fast'], intensive: ['intensive', 'heavy'], glass: ['glass', 'delicate'] } } },
      { key: 'delay', names: ['delay', 'delay seconds', 'start in'], descriptions: ['Delay before start in seconds'], domain: { kind: 'duration', max: 28800 }, required: 0.2 },
    ],
    templates: ['[start|run] the dishwasher on {program}', 'dishwasher {program} [please|]', '[please|can you|] run a {program} wash', 'start the dishwasher {program} in {delay}', 'the dishes are really dirty {!program=intensive}'],
  },
];
