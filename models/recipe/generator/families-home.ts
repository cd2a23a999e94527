/** Home tool families: lights, climate, covers, security, media, time keeping. */
import type { Domain, FamilySpec, ParamSpec } from './dsl.js';

export const ROOMS: Record<string, string[]> = {
  kitchen: ['kitchen'], living_room: ['living room', 'lounge'], bedroom: ['bedroom'], bathroom: ['bathroom'],
  office: ['office', 'study'], hallway: ['hallway', 'hall'], garage: ['garage'], dining_room: ['dining room'],
  kids_room: ['kids room', "children's room"], basement: ['basement'], porch: ['porch', 'front porch'], garden: ['garden', 'backyard'],
  guest_room: ['guest room'], attic: ['attic'], laundry: ['laundry room', 'laundry'], nursery: ['nursery'],
};

export const ON_OFF: Domain = {
  kind: 'enum',
  values: { on: ['on'], off: ['off'] },
  styles: [{ on: 'on', off: 'off' }, { on: 'ON', off: 'OFF' }, { on: 'turn_on', off: 'turn_off' }, { on: 'On', off: 'Off' }],
  asBoolean: {
    chance: 0.2, values: { on: true, off: false }, names: ['on', 'power', 'turn on', 'enabled', 'is on', 'power on', 'switched on'],
    descriptions: ['true to turn on, false to turn off', 'Whether it should be on', 'Power state (true = on)', 'On when true, off when false'],
  },
};

export const room = (required = 0.8, names = ['room', 'area', 'location', 'zone', 'room name']): ParamSpec => ({
  key: 'room', names, descriptions: ['Room name', 'Which room', 'The area of the house', 'Room where the device is'],
  domain: { kind: 'enum', values: ROOMS, sizes: [3, 10], stringChance: 0.25, shape: 'area' }, required,
});

export const HOME_FAMILIES: FamilySpec[] = [
  {
    id: 'light_power', related: ['switch_plug', 'light_brightness', 'scene'], deviceParam: 'room',
    names: ['set light', 'switch light', 'light control', 'control lights', 'toggle light', 'light power', 'set lights', 'light'],
    descriptions: ['Turn a light on or off', 'Switch the lights in a room on or off', 'Controls room lighting power', 'Light on/off control'],
    params: [room(), { key: 'state', names: ['state', 'power', 'on off', 'action', 'value'], descriptions: ['on or off', 'Desired power state', 'Target state'], domain: ON_OFF }],
    templates: [
      '[turn|switch|put] {state} the {room} [light|lights]', '[turn|switch] the {room} [light|lights] {state}',
      '[please|can you|could you|] [turn|switch] {state} the [light|lights] in the {room}', '{room} [light|lights] {state}',
      "it's too dark in the {room} {!state=on}", '[lights|light] {state=off} in the {room} [please|]',
      '[kill|shut off|cut] the {room} [lights|light] {!state=off}', "[i can't see anything|it's pitch black] in the {room} {!state=on}",
      'can you [turn|switch] {state} the {room} [lamp|lamps|lights]', 'i want the {room} [lights|light] {state}',
      '[lights|light] {state} [in the|] {room}', "[i'm going to bed|goodnight] [turn|switch] off the {room} [lights|light] {!state=off}",
    ],
  },
  {
    id: 'light_brightness', related: ['light_power', 'light_color', 'scene'], deviceParam: 'room',
    names: ['set brightness', 'dim light', 'set light level', 'light brightness', 'dimmer', 'set dimmer'],
    descriptions: ['Set the brightness of a light in percent', 'Dim or brighten a light', 'Change light level (0-100%)'],
    params: [room(), { key: 'level', names: ['brightness', 'level', 'percent', 'value', 'dim level'], descriptions: ['Brightness in percent', 'Level 0-100', 'Target brightness percent'], domain: { kind: 'percent' } }],
    templates: [
      '[dim|set|turn] the {room} [light|lights] to {level}', 'set [the|] {room} brightness to {level}', '{room} [lights|light] [at|to] {level}',
      '[make|set] the {room} [lights|light] {level} [bright|brightness|]', 'brightness {level} in the {room}', '[can you|please|] dim the {room} [lights|light] to {level}',
      'change the {room} light level to {level}', '[brighten|raise] the {room} lights to {level}',
    ],
  },
  {
    id: 'light_color', related: ['light_brightness', 'light_power', 'scene'], deviceParam: 'room',
    names: ['set light color', 'set colour', 'light colour', 'change light color', 'set color'],
    descriptions: ['Change the colour of a smart bulb', 'Set the light color', 'Sets RGB bulb color by name'],
    params: [room(), { key: 'color', names: ['color', 'colour', 'hue', 'color name'], descriptions: ['Colour name', 'Target color'],
      domain: { kind: 'enum', values: { red: ['red'], green: ['green'], blue: ['blue'], yellow: ['yellow'], purple: ['purple', 'violet'], orange: ['orange'], pink: ['pink'], white: ['white'], warm_white: ['warm white'], cool_white: ['cool white', 'cold white'], cyan: ['cyan', 'turquoise'] }, sizes: [4, 11] } }],
    templates: [
      '[make|turn|set] the {room} [light|lights|lamp] {color}', 'set the {room} [light|lights] [color|colour] to {color}', '{color} [light|lights] in the {room}',
      'change the {room} [lights|light] to {color}', '[can you|please|] make the {room} lights {color} [please|]', 'i want {color} light in the {room}',
    ],
  },
  {
    id: 'light_temperature', related: ['light_color', 'light_brightness'],
    names: ['set color temperature', 'set white temperature', 'light warmth', 'set kelvin'],
    descriptions: ['Set the white colour temperature of a light in kelvin', 'Adjust warm/cool white in K'],
    params: [room(0.6), { key: 'kelvin', names: ['kelvin', 'temperature', 'color temp', 'ct'], descriptions: ['Colour temperature in kelvin', 'Kelvin 2000-6500'], domain: { kind: 'int', min: 2000, max: 6500, step: 100, unit: ['kelvin', 'k'] } }],
    templates: ['set the {room} [light|lights] to {kelvin} [kelvin|]', '[color|colour] temperature {kelvin} [in the {room}|]', 'make the {room} light {kelvin} kelvin', 'white temperature to {kelvin} in the {room}'],
  },
  {
    id: 'switch_plug', related: ['light_power', 'relay_gpio', 'fan'], deviceParam: 'device',
    names: ['set switch', 'smart plug', 'toggle outlet', 'plug power', 'set socket', 'switch device'],
    descriptions: ['Turn a smart plug on or off', 'Switch a power outlet', 'Controls wall sockets and smart plugs'],
    params: [
      { key: 'device', names: ['device', 'plug', 'outlet', 'appliance', 'name'], descriptions: ['Appliance plugged in', 'Which plug'],
        domain: { kind: 'enum', values: { coffee_machine: ['coffee machine', 'coffee maker'], kettle: ['kettle'], heater: ['heater', 'space heater'], tv: ['tv', 'television'], washing_machine: ['washing machine', 'washer'], christmas_tree: ['christmas tree', 'tree lights'], dehumidifier: ['dehumidifier'], printer: ['printer'], aquarium: ['aquarium', 'fish tank'], router: ['router', 'wifi router'], charger: ['charger'], lamp: ['desk lamp', 'lamp'] }, sizes: [3, 8], stringChance: 0.2, shape: 'device' } },
      { key: 'state', names: ['state', 'power', 'on'], descriptions: ['on or off', 'Power state'], domain: ON_OFF },
    ],
    templates: ['[turn|switch|power] {state} the {device}', '[turn|switch] the {device} {state}', '{device} {state}', '[please|can you|] [start|turn on] the {device} {!state=on}', 'shut [down|off] the {device} {!state=off}', '[power|cut power to] the {device} {!state=off}', 'i need the {device} {state}'],
  },
  {
    id: 'fan', related: ['switch_plug', 'thermostat'], deviceParam: 'room',
    names: ['set fan', 'fan control', 'fan speed', 'control fan', 'ceiling fan'],
    descriptions: ['Set fan speed', 'Control a ceiling or desk fan', 'Fan speed control (off/low/medium/high)'],
    params: [room(0.5), { key: 'speed', names: ['speed', 'mode', 'level', 'setting'], descriptions: ['Fan speed', 'Speed setting'],
      domain: { kind: 'enum', values: { off: ['off'], low: ['low', 'slow'], medium: ['medium', 'mid'], high: ['high', 'full', 'max'] }, sizes: [3, 4] } }],
    templates: ['set the {room} fan to {speed}', '[turn|put] the fan [on|to] {speed} [in the {room}|]', 'fan {speed}', "it's [hot|stuffy|so warm] in the {room} {!speed=high}", '{room} fan {speed} [please|]', 'turn the fan {speed=off} in the {room}', 'can you put the [ceiling|] fan on {speed}'],
  },
  {
    id: 'thermostat', related: ['hvac_mode', 'fan'], deviceParam: 'room',
    names: ['set temperature', 'set thermostat', 'thermostat', 'heating setpoint', 'climate set temp', 'set heat'],
    descriptions: ['Set the target temperature of the thermostat', 'Change heating setpoint in degrees', 'Adjust the thermostat'],
    params: [room(0.4), { key: 'temperature', names: ['temperature', 'target', 'setpoint', 'degrees', 'temp'], descriptions: ['Target temperature in degrees', 'Setpoint'], domain: { kind: 'int', min: 15, max: 28, unit: ['degrees', 'degrees celsius'], asNumber: 0.35 } }],
    templates: ['set the [thermostat|heating|temperature] to {temperature}', '[make|set] it {temperature} [degrees|] in the {room}', '{room} temperature {temperature}', 'heat the {room} to {temperature}', 'i want it {temperature} degrees', '[change|turn] the thermostat to {temperature} [please|]', 'can you set the {room} to {temperature} [degrees|]', '[warm|cool] the house to {temperature}'],
  },
  {
    id: 'hvac_mode', related: ['thermostat', 'fan'],
    names: ['set hvac mode', 'climate mode', 'set ac mode', 'air conditioner mode', 'heating mode'],
    descriptions: ['Switch the HVAC between heat, cool, auto and off', 'Set air conditioner mode'],
    params: [{ key: 'mode', names: ['mode', 'hvac mode', 'operation'], descriptions: ['Operating mode', 'HVAC mode'],
      domain: { kind: 'enum', values: { heat: ['heat', 'heating'], cool: ['cool', 'cooling', 'air conditioning'], auto: ['auto', 'automatic'], off: ['off'], dry: ['dry', 'dehumidify'], fan_only: ['fan only'], eco: ['eco', 'economy'] }, sizes: [3, 7] } }],
    templates: ['set the [hvac|ac|air conditioner|climate] to {mode} [mode|]', 'switch [the ac|heating|climate] to {mode}', '{mode} mode [please|]', 'put the [air conditioner|ac] in {mode} mode', "it's freezing {!mode=heat}", "it's way too hot [in here|] {!mode=cool}", 'turn [the|] [ac|air conditioning|climate] {mode=off}'],
  },
  {
    id: 'cover', related: ['garage_gate'], deviceParam: 'room',
    names: ['set cover position', 'set blinds', 'blinds position', 'shutter control', 'set curtains', 'roller shutter'],
    descriptions: ['Move blinds, shutters or curtains to a position in percent (0 closed, 100 open)', 'Set window covering position'],
    params: [room(0.7), { key: 'position', names: ['position', 'percent', 'open percent', 'level'], descriptions: ['0 closed, 100 open', 'Position percent'], domain: { kind: 'percent' } }],
    templates: ['[set|move|open] the {room} [blinds|shutters|curtains] to {position}', '{room} blinds {position}', 'open the {room} [blinds|curtains] {position=100} [all the way|fully|]', 'close the {room} [blinds|shutters|curtains] {!position=0}', 'open the {room} [blinds|shutters] halfway {!position=50}', "it's too bright in the {room} {!position=0}", '[raise|lower] the [blinds|shutters] in the {room} to {position}'],
  },
  {
    id: 'lock', related: ['garage_gate'], deviceParam: 'door',
    names: ['set lock', 'door lock', 'lock door', 'control lock', 'smart lock'],
    descriptions: ['Lock or unlock a door', 'Smart door lock control'],
    params: [
      { key: 'door', names: ['door', 'lock', 'which door', 'entrance'], descriptions: ['Door to operate', 'Which lock'], required: 0.7,
        domain: { kind: 'enum', values: { front_door: ['front door'], back_door: ['back door'], side_door: ['side door'], patio_door: ['patio door'], garage_door: ['garage door'], shed: ['shed'] }, sizes: [2, 6] } },
      { key: 'action', names: ['action', 'state', 'command', 'locked'], descriptions: ['lock or unlock', 'Desired state'],
        domain: { kind: 'enum', values: { lock: ['lock'], unlock: ['unlock'] }, styles: [{ lock: 'lock', unlock: 'unlock' }, { lock: 'LOCK', unlock: 'UNLOCK' }, { lock: 'locked', unlock: 'unlocked' }],
          asBoolean: { chance: 0.2, values: { lock: true, unlock: false }, names: ['locked', 'lock', 'is locked', 'secure'], descriptions: ['true to lock, false to unlock', 'Whether the door should be locked'] } } },
    ],
    templates: ['{action} the {door}', '[please|can you] {action} the {door} [please|]', '[make sure|check that] the {door} is locked {!action=lock}', 'let me in through the {door} {!action=unlock}', '{door} {action}', 'lock up the {door} {!action=lock}', 'open the {door} lock {!action=unlock}'],
  },
  {
    id: 'garage_gate', related: ['lock', 'cover'],
    names: ['operate garage door', 'gate control', 'open gate', 'garage door', 'control gate'],
    descriptions: ['Open or close the garage door or driveway gate', 'Gate and garage opener'],
    params: [
      { key: 'target', names: ['target', 'door', 'gate', 'which'], descriptions: ['Garage door or gate'], required: 0.6,
        domain: { kind: 'enum', values: { garage: ['garage', 'garage door'], gate: ['gate', 'driveway gate'], side_gate: ['side gate'] } } },
      { key: 'action', names: ['action', 'command', 'state'], descriptions: ['open, close or stop'],
        domain: { kind: 'enum', values: { open: ['open'], close: ['close', 'shut'], stop: ['stop'] } } },
    ],
    templates: ['{action} the {target}', '[please|can you|] {action} the {target} [door|]', "i'm home {action=open} the {target}", '{target} {action}', 'stop the {target} {!action=stop}'],
  },
];
