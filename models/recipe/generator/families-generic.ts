/**
 * Generic tools in the style of Home Assistant's intents (HassTurnOn, HassLightSet): one tool serves
 * any device, named as a free string, or several settings of a light at once. They overlap the
 * specific families, so they are never offered beside a family they could stand in for (`generic`).
 */
import type { FamilySpec } from './dsl.js';
import { ON_OFF, room } from './families-home.js';

/** Devices a generic on/off tool is asked about (the answer copies the words said). */
const DEVICES = ['light', 'lights', 'lamp', 'floor lamp', 'desk lamp', 'ceiling light', 'ceiling fan', 'fan', 'extractor fan', 'coffee machine',
  'kettle', 'tv', 'heater', 'radiator', 'air purifier', 'dehumidifier', 'humidifier', 'printer', 'christmas lights', 'string lights',
  'radio', 'speaker', 'sound bar', 'projector', 'monitor', 'water heater', 'towel rail', 'electric blanket', 'fountain', 'led strip',
  'night light', 'aquarium light', 'garden lights', 'porch light', 'spotlights', 'socket', 'plug', 'outlet', 'workbench light', 'compressor'];

export const GENERIC_FAMILIES: FamilySpec[] = [
  {
    id: 'device_power', generic: true, verbShare: 0.6,
    related: ['light_power', 'switch_plug', 'fan', 'relay_gpio', 'tv_control', 'media_playback', 'conveyor', 'pump', 'vacuum', 'sprinkler_valve', 'valve', 'scene', 'light_brightness', 'light_color', 'light_temperature', 'light_set'],
    names: ['device', 'entity', 'device power', 'set device state', 'switch device', 'control device', 'power', 'entity state'],
    descriptions: ['Turns on/off a device or entity', 'Switch any device on or off by name', 'Turn a device, light or appliance on or off', 'Changes the power state of an entity'],
    params: [
      { key: 'device', names: ['name', 'device', 'entity', 'target', 'device name', 'entity name'], descriptions: ['Name of the device or entity', 'Device to switch', 'Friendly name'],
        domain: { kind: 'text', values: DEVICES, shape: 'device' } },
      { ...room(0.2, ['area', 'room', 'location', 'area name']), present: 1 },
      { key: 'state', names: ['state', 'power', 'on off', 'action'], descriptions: ['on or off', 'Target state'], domain: ON_OFF },
    ],
    templates: [
      '[turn|switch] {state} the {device}', '[turn|switch] the {device} {state}', '{device} {state}', '[turn|switch] {state} the {room} {device}',
      '[please|can you|could you|] [turn|switch] {state} the {device} in the {room}', 'i want the {device} {state}', '[start|power up] the {device} {!state=on}',
      '[shut off|kill|power down] the {device} {!state=off}', '{room} {device} {state} [please|]', 'can you put the {device} {state}', 'the {device} in the {room} {state}',
    ],
  },
  {
    id: 'light_set', generic: true,
    related: ['light_brightness', 'light_color', 'light_power', 'light_temperature', 'scene', 'device_power'],
    names: ['light set', 'set light', 'light settings', 'set light attributes', 'adjust light', 'configure light'],
    descriptions: ['Sets the brightness or color of a light', 'Change brightness and/or colour of lights in an area', 'Adjust light attributes'],
    params: [
      { ...room(0.3, ['area', 'room', 'name', 'location']), present: 1 },
      { key: 'level', names: ['brightness', 'level', 'brightness pct', 'percent'], descriptions: ['Brightness in percent', '0-100'], domain: { kind: 'percent' }, required: 0, present: 1 },
      { key: 'color', names: ['color', 'colour', 'color name'], descriptions: ['Colour name', 'Color of the light'], required: 0, present: 1,
        domain: { kind: 'enum', values: { red: ['red'], green: ['green'], blue: ['blue'], yellow: ['yellow'], purple: ['purple'], orange: ['orange'], pink: ['pink'], white: ['white'], warm_white: ['warm white'] }, sizes: [4, 9], stringChance: 0.4 } },
    ],
    templates: [
      '[dim|set] the {room} [light|lights] to {level}', 'set [the|] {room} brightness to {level}', '{room} [lights|light] [at|to] {level}',
      '[make|turn] the {room} [light|lights] {color}', 'set the {room} [lights|light] [color|colour] to {color}', '{color} [light|lights] in the {room}',
      'make the {room} lights {color} at {level}', 'set the {room} [lights|light] to {color} and {level} brightness', '[brighten|raise] the {room} lights to {level}',
      'i want {color} light in the {room}', 'brightness {level} [please|]',
    ],
  },
];
