/** Industrial, maker (GPIO/MQTT) and retail kiosk tool families. */
import type { Domain, FamilySpec, ParamSpec } from './dsl.js';

const LINES: Domain = {
  kind: 'enum',
  values: {
    line_1: ['line 1', 'line one'], line_2: ['line 2', 'line two'], line_3: ['line 3', 'line three'],
    packing: ['packing line', 'packaging line'], bottling: ['bottling line'], assembly: ['assembly line'],
  },
  sizes: [3, 6],
};

const line = (required: number, present = 0.8): ParamSpec => ({
  key: 'line', names: ['line', 'conveyor', 'line id', 'production line', 'belt'], descriptions: ['Production line', 'Which conveyor line', 'Line identifier'],
  domain: LINES, required, present,
});

const SWITCH: Domain = {
  kind: 'enum',
  values: { on: ['on'], off: ['off'] },
  styles: [{ on: 'on', off: 'off' }, { on: 'HIGH', off: 'LOW' }, { on: 'high', off: 'low' }, { on: 'ON', off: 'OFF' }],
};

const LOCATIONS: Record<string, string[]> = {
  server_room: ['server room'], warehouse: ['warehouse'], greenhouse: ['greenhouse'], cold_room: ['cold room', 'cold store'], lab: ['lab', 'laboratory'],
  workshop: ['workshop'], office: ['office'], freezer: ['freezer'], basement: ['basement'], boiler_room: ['boiler room'],
};

export const INDUSTRIAL_FAMILIES: FamilySpec[] = [
  {
    id: 'conveyor', related: ['emergency_stop', 'motor_speed'], deviceParam: 'line',
    names: ['conveyor control', 'control conveyor', 'set conveyor', 'line control', 'conveyor', 'belt control'],
    descriptions: ['Start, stop or pause a conveyor line', 'Control a production conveyor belt', 'Conveyor line command'],
    params: [
      line(0.8),
      { key: 'action', names: ['action', 'command', 'state', 'operation'], descriptions: ['start, stop or pause', 'Conveyor command'],
        domain: { kind: 'enum', values: { start: ['start', 'run'], stop: ['stop'], pause: ['pause', 'hold'] } } },
    ],
    templates: [
      '{action} [the|] {line}', '{line} {action}', '[please|can you|] {action} the conveyor on {line}', '{action} the {line} conveyor [please|]',
      'get {line} moving again {!action=start}', 'hold {line} for a moment {!action=pause}', 'conveyor {action} {line}', "we're jammed on {line} {!action=pause}",
    ],
  },
  {
    id: 'motor_speed', related: ['conveyor', 'pump'],
    names: ['set motor speed', 'motor speed', 'set rpm', 'spindle speed', 'set spindle rpm', 'drive speed'],
    descriptions: ['Set a motor speed in rpm', 'Change spindle or drive speed (rpm)', 'Motor speed control'],
    params: [
      { key: 'motor', names: ['motor', 'drive', 'axis', 'motor id'], descriptions: ['Which motor', 'Motor name'], required: 0.4,
        domain: { kind: 'enum', values: { spindle: ['spindle'], main_drive: ['main drive', 'main motor'], fan_motor: ['fan motor', 'extractor fan'], mixer: ['mixer'], motor_1: ['motor 1', 'motor one'], motor_2: ['motor 2', 'motor two'] }, sizes: [3, 6] } },
      { key: 'rpm', names: ['rpm', 'speed', 'speed rpm', 'target rpm'], descriptions: ['Revolutions per minute', 'Target speed in rpm'], domain: { kind: 'int', min: 0, max: 6000, step: 50, unit: ['rpm'] } },
    ],
    templates: [
      'set the {motor} to {rpm}', '{motor} speed {rpm}', 'run the {motor} at {rpm}', '[please|can you|] set motor speed to {rpm}',
      'spin the {motor} up to {rpm}', 'speed {rpm}', '[slow|bring] the {motor} down to {rpm}', 'set {motor} rpm to {rpm}',
    ],
  },
  {
    id: 'pump', related: ['motor_speed', 'valve'], deviceParam: 'pump',
    names: ['pump control', 'set pump', 'control pump', 'pump', 'run pump', 'pump speed'],
    descriptions: ['Turn a pump on or off or set its speed in percent', 'Pump control', 'Sets pump state and speed'],
    params: [
      { key: 'pump', names: ['pump', 'pump id', 'name', 'which'], descriptions: ['Which pump', 'Pump name'], required: 0.7,
        domain: { kind: 'enum', values: { pump_1: ['pump 1', 'pump one'], pump_2: ['pump 2', 'pump two'], coolant: ['coolant pump'], sump: ['sump pump'], circulation: ['circulation pump'], pool: ['pool pump'] }, sizes: [3, 6] } },
      { key: 'speed', names: ['speed', 'percent', 'level', 'duty'], descriptions: ['Pump speed percent', 'Speed 0-100'], domain: { kind: 'percent' }, required: 0.5 },
      { key: 'state', names: ['state', 'power', 'on off'], descriptions: ['on or off', 'Pump state'], domain: SWITCH, required: 0.4 },
    ],
    templates: [
      'turn {state} the {pump}', '[switch|turn] the {pump} {state}', 'set the {pump} [speed|] to {speed}', 'run the {pump} at {speed} {!state=on}', '{pump} {speed}',
      '[please|can you|] start the {pump} at {speed} {!state=on}', '{pump} {state}', 'stop the {pump} {!state=off} {!speed=0}', 'run the {pump} [flat out|at full speed] {!state=on} {!speed=100}',
    ],
  },
  {
    id: 'relay_gpio', related: ['switch_plug'], deviceParam: 'relay',
    names: ['set gpio', 'write pin', 'gpio write', 'set relay', 'digital write', 'set pin', 'relay control'],
    descriptions: ['Set a GPIO pin high or low', 'Switch a relay on a GPIO pin', 'Digital output write'],
    params: [
      { key: 'pin', names: ['pin', 'gpio', 'pin number', 'gpio pin', 'channel'], descriptions: ['GPIO pin number (BCM)', 'Pin 2-27'], domain: { kind: 'int', min: 2, max: 27 }, required: 0.7 },
      { key: 'state', names: ['state', 'value', 'level', 'output'], descriptions: ['high/on or low/off', 'Output level'], domain: SWITCH },
      { key: 'relay', names: ['relay', 'device', 'output name', 'load'], descriptions: ['Relay or device name', 'What is wired to the relay'], required: 0.3, present: 0.4,
        domain: { kind: 'enum', values: { relay_1: ['relay 1', 'relay one'], relay_2: ['relay 2', 'relay two'], relay_3: ['relay 3', 'relay three'], buzzer: ['buzzer'], status_led: ['status led', 'led'], door_strike: ['door strike'], heater_relay: ['heater relay'] }, sizes: [3, 7] } },
    ],
    templates: [
      'set [gpio|pin] {pin} {state}', '[gpio|pin] {pin} {state}', 'turn {state} [gpio|pin] {pin}', 'pull pin {pin} [high|up] {!state=on}', 'drive [gpio|pin] {pin} low {!state=off}', 'set [gpio|pin] {pin} [high|to high] {!state=on}',
      '[please|can you|] switch {state} the {relay}', 'turn the {relay} {state}', '{relay} {state}', 'switch the {relay} on pin {pin} {state}', 'pin {pin} {state} [please|]',
    ],
  },
  {
    id: 'valve', related: ['sprinkler_valve', 'pump'], deviceParam: 'valve',
    names: ['valve control', 'set valve', 'operate valve', 'control valve', 'actuate valve', 'valve'],
    descriptions: ['Open or close a valve', 'Valve actuator control', 'Operates process valves'],
    params: [
      { key: 'valve', names: ['valve', 'valve id', 'id', 'name'], descriptions: ['Which valve', 'Valve identifier'], required: 0.8,
        domain: { kind: 'enum', values: { valve_1: ['valve 1', 'valve one'], valve_2: ['valve 2', 'valve two'], valve_3: ['valve 3', 'valve three'], inlet: ['inlet valve', 'inlet'], outlet: ['outlet valve'], drain: ['drain valve', 'drain'], main_water: ['main water valve', 'water main'], coolant: ['coolant valve'] }, sizes: [5, 8] } },
      { key: 'action', names: ['action', 'state', 'command', 'position'], descriptions: ['open or close', 'Valve command'],
        domain: { kind: 'enum', values: { open: ['open'], close: ['close', 'shut'] }, styles: [{ open: 'open', close: 'close' }, { open: 'OPEN', close: 'CLOSED' }, { open: 'opened', close: 'closed' }],
          asBoolean: { chance: 0.2, values: { open: true, close: false }, names: ['open', 'is open', 'opened'], descriptions: ['true opens, false closes', 'Whether the valve is open'] } } },
    ],
    templates: [
      '{action} the {valve}', '{valve} {action}', '[please|can you] {action} the {valve}', "there's a leak shut the {valve} {!action=close}", '{action} {valve} [now|please|]',
      'set the {valve} to {action}', 'drain the tank {!valve=drain} {!action=open}',
    ],
  },
  {
    id: 'kiosk_print_ticket', related: ['kiosk_call_staff'],
    names: ['print ticket', 'take a number', 'queue ticket', 'issue ticket', 'print queue number', 'get ticket'],
    descriptions: ['Print a queue ticket for a department', 'Issue a take-a-number ticket', 'Prints a waiting ticket at the kiosk'],
    params: [
      { key: 'type', names: ['type', 'department', 'service', 'queue', 'counter'], descriptions: ['Which queue', 'Service the ticket is for'],
        domain: { kind: 'enum', values: { pharmacy: ['pharmacy', 'prescriptions'], deli: ['deli', 'deli counter'], service_desk: ['service desk', 'customer service'], returns: ['returns', 'returns desk'], bakery: ['bakery'] }, sizes: [4, 5] } },
      { key: 'count', names: ['count', 'copies', 'quantity', 'number'], descriptions: ['How many tickets', 'Number of copies'], required: 0.05, domain: { kind: 'int', min: 1, max: 4 } },
    ],
    templates: [
      '[print|give me] a [ticket|number] for the {type}', '{type} ticket [please|]', 'i need a number for {type}', '[can i|could i] get a {type} ticket',
      'i want to return something {!type=returns}', 'i need to pick up a prescription {!type=pharmacy}', '[print|give me] {count} tickets for {type}', 'take a number {type}',
    ],
  },
  {
    id: 'kiosk_call_staff', related: ['kiosk_print_ticket', 'kiosk_show_page'],
    names: ['call staff', 'request assistance', 'call attendant', 'page staff', 'summon help', 'call assistant'],
    descriptions: ['Call a staff member to an area of the store', 'Request assistance from an employee', 'Pages staff to a counter'],
    params: [
      { key: 'area', names: ['area', 'counter', 'location', 'department', 'desk'], descriptions: ['Where help is needed', 'Area or counter'],
        domain: { kind: 'enum', values: { checkout: ['checkout', 'the tills'], self_checkout: ['self checkout', 'self service tills'], entrance: ['entrance', 'front door'], garden_center: ['garden center'], electronics: ['electronics'], fitting_rooms: ['fitting rooms', 'changing rooms'], kiosk: ['this kiosk', 'here'] }, sizes: [5, 7] } },
      { key: 'reason', names: ['reason', 'note', 'message', 'issue'], descriptions: ['Optional reason', 'What the customer needs'], required: 0.05,
        domain: { kind: 'text', values: ['price check', 'card declined', 'item not scanning', 'need a bigger size', 'wheelchair assistance', 'age verification', 'spill on the floor', 'locked cabinet'] } },
    ],
    templates: [
      '[call|get] [someone|a staff member|an assistant] to {area}', 'i need help at {area}', '[please|can you|] send someone to {area} for {reason}', 'staff to {area} {reason}',
      'can someone come to {area} [please|]', '{reason} at {area}', 'i need [a person|someone] here {!area=kiosk}', 'help at {area}',
    ],
  },
  {
    id: 'kiosk_show_page', related: ['kiosk_call_staff'],
    names: ['show page', 'navigate', 'open page', 'display screen', 'go to page', 'show screen'],
    descriptions: ['Show a page on the kiosk screen', 'Navigate the kiosk display', 'Opens a kiosk screen'],
    params: [{ key: 'page', names: ['page', 'screen', 'view', 'section'], descriptions: ['Page to show', 'Which screen'],
      domain: { kind: 'enum', values: { menu: ['menu', 'food menu'], map: ['map', 'store map'], opening_hours: ['opening hours', 'hours'], help: ['help'], prices: ['prices', 'price list'], home: ['home', 'start'] }, sizes: [5, 6] } }],
    templates: [
      'show [me|] the {page}', '[open|go to] [the|] {page} [page|screen]', '{page} [please|]', '[can you|please|] show {page}', 'when are you open {!page=opening_hours}',
      'where is everything {!page=map}', 'what do you have to eat {!page=menu}', 'go back to the start {!page=home}', 'how much does it cost {!page=prices}',
    ],
  },
  {
    id: 'sensor_query', related: ['weather_query', 'machine_status'], deviceParam: 'location',
    names: ['read sensor', 'get sensor value', 'query sensor', 'sensor reading', 'get reading', 'read environment'],
    descriptions: ['Read the current value of an environmental sensor', 'Get temperature, humidity, pressure, CO2 or air quality', 'Sensor query'],
    params: [
      { key: 'sensor', names: ['sensor', 'metric', 'type', 'measurement', 'quantity'], descriptions: ['Which measurement', 'Sensor type'],
        domain: { kind: 'enum', values: { temperature: ['temperature', 'temp'], humidity: ['humidity'], pressure: ['pressure', 'air pressure'], co2: ['co2', 'carbon dioxide'], air_quality: ['air quality'] }, sizes: [4, 5] } },
      { key: 'location', names: ['location', 'room', 'area', 'zone', 'site'], descriptions: ['Where the sensor is', 'Sensor location'], required: 0.6,
        domain: { kind: 'enum', values: LOCATIONS, sizes: [3, 10], stringChance: 0.2 } },
    ],
    templates: [
      "what's the {sensor} in the {location}", '{location} {sensor}', '[read|check] the {sensor} [sensor|] in the {location}', '[please|can you|] tell me the {sensor} [level|reading]',
      'how [humid|damp] is it in the {location} {!sensor=humidity}', 'is the air okay in the {location} {!sensor=air_quality}', '{sensor} reading [for|in] the {location}', 'how hot is the {location} {!sensor=temperature}',
    ],
  },
  {
    id: 'machine_status', related: ['sensor_query'], deviceParam: 'machine',
    names: ['get machine status', 'machine status', 'query machine', 'check machine', 'equipment status', 'machine state'],
    descriptions: ['Query the state of a machine (running, idle, fault)', 'Get equipment status', 'Returns machine state and alarms'],
    params: [{ key: 'machine', names: ['machine', 'equipment', 'asset', 'machine id', 'station'], descriptions: ['Which machine', 'Machine name'],
      domain: { kind: 'enum', values: { press: ['press', 'the press'], lathe: ['lathe'], cnc_mill: ['cnc mill', 'mill'], packer: ['packer', 'packing machine'], robot_arm: ['robot arm', 'robot'], oven: ['oven', 'curing oven'], compressor: ['compressor'], boiler: ['boiler'] }, sizes: [3, 8], stringChance: 0.2 } }],
    templates: [
      "what's the status of the {machine}", 'is the {machine} running', '{machine} status', '[please|can you|] check the {machine}', 'how is the {machine} doing',
      'any faults on the {machine}', 'status {machine}', 'is the {machine} [down|idle|ok]',
    ],
  },
  {
    id: 'mqtt_publish', related: [],
    names: ['mqtt publish', 'publish message', 'publish', 'send mqtt', 'publish topic', 'mqtt send'],
    descriptions: ['Publish a payload to an MQTT topic', 'Send an MQTT message', 'Generic MQTT publish'],
    params: [
      { key: 'topic', names: ['topic', 'mqtt topic', 'channel', 'path'], descriptions: ['MQTT topic', 'Topic to publish to'],
        domain: { kind: 'text', values: ['home/garage/door', 'home/livingroom/lamp', 'shop/sign', 'lab/heater', 'garden/pump', 'office/fan', 'workshop/compressor', 'home/alarm', 'greenhouse/vent', 'sensors/reset'], shape: 'topic' } },
      { key: 'payload', names: ['payload', 'message', 'value', 'data', 'body'], descriptions: ['Message payload', 'What to send'],
        domain: { kind: 'text', values: ['open', 'close', 'on', 'off', 'toggle', 'reset', 'arm', 'disarm', 'start', 'stop', '1', '0'], shape: 'payload' } },
    ],
    templates: [
      'publish {payload} to {topic}', 'send {payload} on {topic}', '[please|can you|] publish {payload} [on|to] [topic|] {topic}', 'mqtt {topic} {payload}',
      'publish to {topic} [the message|payload|] {payload}', '{topic} {payload}', 'mqtt publish {topic} {payload}',
    ],
  },
  {
    id: 'emergency_stop', related: ['conveyor', 'motor_speed', 'pump'],
    names: ['emergency stop', 'e stop', 'estop', 'halt all', 'trigger emergency stop', 'stop all machines'],
    descriptions: ['Trigger the emergency stop', 'Immediately halt machinery', 'Emergency stop for a line or the whole plant'],
    params: [line(0.1, 0.5)],
    templates: [
      'emergency stop', 'stop everything now', '[e stop|estop|emergency stop] {line}', 'emergency stop on {line}', '[hit|press|pull] the [e stop|emergency stop]',
      'stop [it|everything] [right now|immediately]', 'halt all machines [now|]', 'emergency [halt|stop] {line} [now|]',
    ],
  },
  {
    id: 'counter_reset', related: [],
    names: ['reset counter', 'counter reset', 'clear counter', 'zero counter', 'reset count'],
    descriptions: ['Reset a production counter to zero', 'Clear a counter for a shift', 'Zero a tally counter'],
    params: [
      { key: 'counter', names: ['counter', 'name', 'counter id', 'tally'], descriptions: ['Which counter', 'Counter name'],
        domain: { kind: 'enum', values: { parts: ['parts counter', 'part count', 'parts count'], rejects: ['reject counter', 'rejects', 'scrap count'], cycles: ['cycle counter', 'cycle count'], visitors: ['visitor counter', 'visitor count'], tickets: ['ticket counter', 'ticket count'] }, sizes: [3, 5] } },
      { key: 'shift', names: ['shift', 'period', 'scope'], descriptions: ['Which shift', 'Shift to reset'], required: 0.15,
        domain: { kind: 'enum', values: { morning: ['morning', 'morning shift'], afternoon: ['afternoon', 'afternoon shift'], night: ['night', 'night shift'], all: ['all shifts', 'everything'] } } },
    ],
    templates: [
      'reset the {counter}', '[zero|clear] the {counter}', '[please|can you|] reset the {counter} for the {shift}', '{counter} reset', 'reset {counter} [now|please|]',
      'start the {counter} from zero', 'new shift reset the {counter} {shift}', 'reset {shift} {counter}',
    ],
  },
];
