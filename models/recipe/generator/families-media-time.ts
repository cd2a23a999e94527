/** Media, time keeping, household chores, lists and information tool families. */
import type { Domain, FamilySpec, ParamSpec } from './dsl.js';
import { ON_OFF, room } from './families-home.js';

const PLAYER: ParamSpec = {
  key: 'player', names: ['player', 'device', 'speaker', 'media player', 'target'], descriptions: ['Which media player', 'Playback device', 'Speaker or TV to control'], required: 0.2,
  domain: { kind: 'enum', values: { tv: ['tv', 'television'], speaker: ['speaker', 'smart speaker'], soundbar: ['soundbar'], stereo: ['stereo', 'hifi'] }, sizes: [2, 4] },
};

const DAYS: Domain = {
  kind: 'enum',
  values: {
    every_day: ['every day', 'daily'], weekdays: ['weekdays', 'on weekdays'], weekends: ['weekends', 'on weekends'], monday: ['monday'], tuesday: ['tuesday'],
    wednesday: ['wednesday'], thursday: ['thursday'], friday: ['friday'], saturday: ['saturday'], sunday: ['sunday'], once: ['once', 'just once'],
  },
  sizes: [4, 11],
};

const FAMILY_MEMBERS: Record<string, string[]> = {
  mom: ['mom', 'mum'], dad: ['dad'], emma: ['emma'], jack: ['jack'], grandma: ['grandma', 'granny'], everyone: ['everyone', 'the whole family', 'all phones'],
  my_phone: ['my phone', 'me'], partner: ['my partner', 'my wife', 'my husband'], kids: ['the kids'],
};

export const MEDIA_TIME_FAMILIES: FamilySpec[] = [
  {
    id: 'media_playback', related: ['tv_control', 'media_source'], deviceParam: 'room',
    names: ['media control', 'control playback', 'media player', 'playback', 'player command', 'music control', 'set playback'],
    descriptions: ['Control media playback (play, pause, skip, stop)', 'Play, pause or skip music and video', 'Send a transport command to a media player'],
    params: [
      room(0.2),
      { key: 'action', names: ['action', 'command', 'control', 'operation'], descriptions: ['Playback command', 'play, pause, next, previous or stop'],
        domain: { kind: 'enum', values: { play: ['play', 'resume'], pause: ['pause'], next: ['next', 'skip'], previous: ['previous', 'go back'], stop: ['stop'] } , sizes: [4, 5] } },
      PLAYER,
    ],
    templates: [
      '{action} [please|]', 'media {action}', '[please|can you|could you|] {action=pause} the {player} [please|]', '{action=stop} the music in the {room}',
      '[play|resume] the music on the {player} {!action=play}', 'skip to the next [song|track] on the {player} {!action=next}', '[go back a|previous] [song|track] {!action=previous}',
      '[skip this song|next track|skip] {!action=next}', 'i [hate|don\'t like] this song {!action=next}', '[hold on|wait] [pause it|stop the music] {!action=pause}',
      'play the last song again {!action=previous}', '{room} music {action}', '{room} {player} {action}', '[shh|quiet] [the baby is sleeping|i\'m on the phone] {!action=pause}',
    ],
  },
  {
    id: 'media_volume', related: ['media_playback', 'tv_control'], deviceParam: 'room',
    names: ['set volume', 'volume', 'change volume', 'volume control', 'set speaker volume', 'adjust volume'],
    descriptions: ['Set the playback volume in percent', 'Change speaker volume (0-100)', 'Adjusts the media volume level'],
    params: [
      room(0.2),
      { key: 'level', names: ['volume', 'level', 'percent', 'value', 'volume level'], descriptions: ['Volume 0-100', 'Target volume in percent', 'Volume level'], domain: { kind: 'percent' } },
      PLAYER,
    ],
    templates: [
      'set the volume to {level}', '[turn|set] the {room} [speaker|music] volume to {level}', 'volume {level}', '[can you|please|] [turn|put] the {player} volume [to|at] {level}',
      '[mute|mute the music|mute everything] {!level=0}', 'volume to {level} in the {room} [please|]', "i can't hear a thing turn it all the way up {!level=100}", 'make the {player} {level} [volume|loud|]', '{room} {player} volume {level}',
    ],
  },
  {
    id: 'media_source', related: ['tv_control', 'media_playback'], deviceParam: 'room',
    names: ['set source', 'select input', 'change source', 'set input', 'audio source', 'switch source'],
    descriptions: ['Select the input source of the audio system', 'Switch what the speakers play from', 'Change media source'],
    params: [
      room(0.2),
      { key: 'source', names: ['source', 'input', 'input source', 'channel'], descriptions: ['Source to play from', 'Input to select'],
        domain: { kind: 'enum', values: { spotify: ['spotify'], radio: ['radio', 'fm radio'], tv: ['tv', 'tv audio'], bluetooth: ['bluetooth'], aux: ['aux', 'aux input'], vinyl: ['vinyl', 'record player', 'turntable'], cd: ['cd', 'cd player'], airplay: ['airplay'] }, sizes: [5, 8] } },
    ],
    templates: [
      '[switch|change|set] the [source|input] to {source}', '{source} [input|source] [please|]', '[play from|switch to|use] {source}', '[play from|switch to] {source} in the {room}', 'put the {room} speakers on {source}',
      '[can you|please|] switch the stereo to {source}', 'i want to [listen to|play] a record {!source=vinyl}', 'let me play from my phone {!source=bluetooth}', '{room} [source|input] {source}',
    ],
  },
  {
    id: 'tv_control', related: ['media_playback', 'media_source', 'media_volume'],
    names: ['tv control', 'control tv', 'television', 'set tv', 'tv remote', 'tv command'],
    descriptions: ['Control the TV: power, channel and input', 'Turn the television on or off, change channel or HDMI input', 'TV remote control'],
    params: [
      { key: 'power', names: ['power', 'state', 'on off'], descriptions: ['Power on or off', 'TV power state'], domain: ON_OFF, required: 0.35 },
      { key: 'channel', names: ['channel', 'channel number', 'ch'], descriptions: ['Channel number', 'Channel to tune to'], domain: { kind: 'int', min: 1, max: 999 }, required: 0.3 },
      { key: 'input', names: ['input', 'source', 'hdmi input'], descriptions: ['Input to select', 'HDMI or other input'], required: 0.2,
        domain: { kind: 'enum', values: { hdmi_1: ['hdmi 1', 'hdmi one'], hdmi_2: ['hdmi 2', 'hdmi two'], hdmi_3: ['hdmi 3', 'hdmi three'], antenna: ['antenna', 'live tv'], playstation: ['playstation', 'the console'], chromecast: ['chromecast'] }, sizes: [3, 6] } },
    ],
    templates: [
      '[turn|switch] {power} the [tv|television]', '[turn|switch] the [tv|television] {power}', '[put|change] the tv [to|on] channel {channel}', 'channel {channel} [please|]',
      '[switch|change] the tv [input|source] to {input}', 'tv {power}', '[can you|please|] turn on the tv {!power=on} and put on channel {channel}', "i'm done watching {!power=off}",
      'switch to {input} on the tv', 'turn on the tv {!power=on} [on|to] {input} channel {channel}',
    ],
  },
  {
    id: 'timer', related: ['alarm', 'reminder'],
    names: ['set timer', 'start timer', 'timer', 'create timer', 'countdown', 'kitchen timer'],
    descriptions: ['Start a countdown timer', 'Set a timer for a duration in seconds', 'Creates a named countdown'],
    params: [
      { key: 'duration', names: ['duration', 'seconds', 'duration seconds', 'length', 'time'], descriptions: ['Duration in seconds', 'Timer length in seconds', 'How long'], domain: { kind: 'duration', max: 10800 } },
      { key: 'label', names: ['label', 'name', 'title', 'timer name'], descriptions: ['Optional label', 'Name of the timer'], required: 0.1,
        domain: { kind: 'text', values: ['pasta', 'eggs', 'pizza', 'laundry', 'tea', 'bread', 'homework', 'nap', 'rice', 'cookies', 'workout'], shape: 'label' } },
    ],
    templates: [
      'set a timer for {duration}', 'timer {duration}', '[please|can you|] start a {duration} timer', '{duration} timer [please|]', 'set a {label} timer for {duration}',
      'start a timer for {duration} called {label}', 'remind me in {duration}', '[set|start] a timer [for|of] {duration} for the {label}', 'count down {duration}',
    ],
  },
  {
    id: 'alarm', related: ['timer', 'reminder'],
    names: ['set alarm', 'create alarm', 'alarm', 'wake up alarm', 'add alarm', 'schedule alarm'],
    descriptions: ['Set an alarm for a time of day (HH:MM)', 'Create a wake-up alarm', 'Schedules an alarm clock'],
    params: [
      { key: 'time', names: ['time', 'alarm time', 'at', 'wake time'], descriptions: ['Time in HH:MM (24h)', 'When the alarm rings'], domain: { kind: 'time' } },
      { key: 'label', names: ['label', 'name', 'title'], descriptions: ['Optional alarm label'], required: 0.05,
        domain: { kind: 'text', values: ['work', 'gym', 'school', 'flight', 'meds', 'meeting', 'wake up'], shape: 'label' } },
      { key: 'days', names: ['days', 'repeat', 'recurrence', 'repeat days'], descriptions: ['Which days it repeats', 'Repeat schedule'], required: 0.1, domain: DAYS },
    ],
    templates: [
      'set an alarm for {time}', '[wake me up|get me up] at {time}', 'alarm {time}', '[please|can you|] set an alarm at {time} {days}', 'alarm at {time} [for|called] {label}',
      '{days} alarm at {time}', 'i need to be up at {time}', 'set my {label} alarm for {time} {days}', 'new alarm {time} [please|]',
    ],
  },
  {
    id: 'reminder', related: ['todo_list', 'alarm', 'timer'],
    names: ['create reminder', 'set reminder', 'remind', 'add reminder', 'schedule reminder', 'reminder'],
    descriptions: ['Create a reminder with a text at a given time', 'Remind the user of something at a time of day', 'Schedules a reminder'],
    params: [
      { key: 'text', names: ['text', 'message', 'what', 'title', 'reminder'], descriptions: ['What to remind about', 'Reminder text'],
        domain: { kind: 'text', values: ['call mom', 'take out the trash', 'water the plants', 'pick up the kids', 'take my pills', 'pay the rent', 'feed the cat', 'walk the dog', 'book the dentist', 'move the car', 'call the plumber', 'check the oven', 'send the invoice', 'buy a birthday card'], shape: 'task' } },
      { key: 'time', names: ['time', 'at', 'when', 'remind at'], descriptions: ['Time of day HH:MM', 'When to remind'], domain: { kind: 'time' } },
    ],
    templates: [
      'remind me to {text} at {time}', 'at {time} remind me to {text}', '[please|can you|] set a reminder to {text} at {time}', 'reminder {text} {time}',
      "don't let me forget to {text} at {time}", 'remind me at {time} to {text} [please|]', 'create a reminder for {time} {text}', 'i have to {text} at {time} remind me',
    ],
  },
  {
    id: 'scene', related: ['light_power', 'light_brightness', 'light_color', 'media_playback'],
    names: ['activate scene', 'set scene', 'run scene', 'scene', 'trigger scene', 'apply scene', 'start scene'],
    descriptions: ['Activate a predefined home scene', 'Run a scene that sets lights and devices together', 'Trigger a saved scene'],
    params: [{ key: 'scene', names: ['scene', 'name', 'scene name', 'preset'], descriptions: ['Scene to activate', 'Name of the scene'],
      domain: { kind: 'enum', values: { movie_night: ['movie night', 'movie mode', 'cinema'], good_morning: ['good morning', 'morning'], dinner: ['dinner', 'dinner time'], away: ['away', 'away mode'], relax: ['relax', 'chill'], party: ['party', 'party mode'], bedtime: ['bedtime', 'good night'] }, sizes: [5, 7] } }],
    templates: [
      '[activate|start|run|turn on] [the|] {scene} scene', '{scene} [scene|mode] [please|]', 'set the house to {scene}', '[can you|please|] switch to {scene}',
      "i'm leaving {!scene=away}", "let's watch a film {!scene=movie_night}", "[we're going|i'm going] to bed {!scene=bedtime}", 'time to [eat|have dinner] {!scene=dinner}', 'scene {scene}',
      'guests are coming over [tonight|] {!scene=party}',
    ],
  },
  {
    id: 'vacuum', related: [], deviceParam: 'room',
    names: ['vacuum', 'robot vacuum', 'control vacuum', 'vacuum command', 'start cleaning', 'cleaner control'],
    descriptions: ['Control the robot vacuum: start, stop or return to dock', 'Send the robot vacuum a command', 'Robot cleaner control'],
    params: [
      { key: 'action', names: ['action', 'command', 'mode'], descriptions: ['start, stop, pause or dock', 'Vacuum command'],
        domain: { kind: 'enum', values: { start: ['start', 'start cleaning'], stop: ['stop'], pause: ['pause'], return_to_dock: ['return to dock', 'go home', 'go back to the dock'] }, sizes: [4, 4] } },
      room(0.2),
    ],
    templates: [
      '{action} the [vacuum|robot vacuum|hoover]', '[vacuum|robot] {action}', '[please|can you|] vacuum the {room} {!action=start}', 'send the vacuum [back|home] to the dock {!action=return_to_dock}',
      '{action} vacuuming the {room}', 'the floor in the {room} is dirty {!action=start}', 'tell the robot vacuum to {action}', 'clean the {room} {!action=start}',
    ],
  },
  {
    id: 'sprinkler_valve', related: ['valve'],
    names: ['sprinkler', 'irrigation', 'water zone', 'run sprinkler', 'set sprinkler', 'irrigation valve', 'garden watering'],
    descriptions: ['Run or stop a sprinkler zone', 'Water a garden zone for a duration in seconds', 'Irrigation valve control'],
    params: [
      { key: 'zone', names: ['zone', 'area', 'valve', 'zone name'], descriptions: ['Irrigation zone', 'Which zone to water'],
        domain: { kind: 'enum', values: { front_lawn: ['front lawn', 'front yard'], back_lawn: ['back lawn', 'backyard lawn'], vegetable_garden: ['vegetable garden', 'veggie patch'], flower_beds: ['flower beds', 'flowers'], hedges: ['hedges', 'hedge'], greenhouse: ['greenhouse'] }, sizes: [3, 6] } },
      { key: 'duration', names: ['duration', 'seconds', 'run time', 'duration seconds'], descriptions: ['How long to water in seconds', 'Run time seconds'], domain: { kind: 'duration', max: 3600 }, required: 0.5 },
      { key: 'state', names: ['state', 'on off', 'power'], descriptions: ['on or off'], domain: ON_OFF, required: 0.4 },
    ],
    templates: [
      'water the {zone} for {duration}', '[run|start] the {zone} [sprinklers|sprinkler] for {duration} {!state=on}', 'turn {state} the {zone} sprinklers', '{zone} sprinkler {state}',
      '[please|can you|] water the {zone} {!state=on}', 'the {zone} looks dry water it for {duration} {!state=on}', '[stop|shut off] watering the {zone} {!state=off}',
      'sprinklers {state=on} in the {zone} for {duration}',
    ],
  },
  {
    id: 'doorbell_intercom', related: ['camera_snapshot', 'lock'],
    names: ['doorbell', 'intercom', 'door station', 'answer door', 'intercom control', 'doorbell action'],
    descriptions: ['Respond to the video doorbell: answer, talk, unlock or show the camera', 'Door intercom control', 'Handle someone at the door'],
    params: [{ key: 'action', names: ['action', 'command', 'operation'], descriptions: ['What to do with the doorbell', 'Intercom action'],
      domain: { kind: 'enum', values: { answer: ['answer', 'pick up'], unlock: ['unlock', 'buzz in'], talk: ['talk', 'speak'], show_camera: ['show camera', 'show the camera', 'show video'], decline: ['decline', 'ignore'] }, sizes: [4, 5] } }],
    templates: [
      '{action=answer} the [doorbell|intercom|door]', '{action=unlock} the door for them', "who's at the door {!action=show_camera}", '[buzz them in|let them in] {!action=unlock}', '[please|can you|] {action=answer} the intercom',
      'intercom {action}', 'i want to talk to whoever is at the door {!action=talk}', 'show me [the door|who rang] {!action=show_camera}', '[just|] ignore the doorbell {!action=decline}',
    ],
  },
  {
    id: 'camera_snapshot', related: ['doorbell_intercom'], deviceParam: 'camera',
    names: ['camera snapshot', 'take snapshot', 'get camera image', 'show camera', 'capture image', 'camera view'],
    descriptions: ['Take a snapshot from a security camera', 'Show the current image of a camera', 'Capture a still from a camera'],
    params: [{ key: 'camera', names: ['camera', 'camera name', 'cam', 'source'], descriptions: ['Which camera', 'Camera to capture'],
      domain: { kind: 'enum', values: { front_door: ['front door'], driveway: ['driveway'], backyard: ['backyard', 'back garden'], garage: ['garage'], nursery: ['nursery', 'baby room'] }, sizes: [3, 5], stringChance: 0.15 } }],
    templates: [
      'show me the {camera} [camera|]', '[take|grab] a [snapshot|picture|photo] [from|of] the {camera}', '{camera} [camera|cam] [snapshot|]', '[can you|please|] show the {camera} camera',
      "[is the baby asleep|how's the baby doing] {!camera=nursery}", "what's happening [in|on] the {camera}", 'is my car still in the driveway {!camera=driveway}', 'snapshot {camera}',
    ],
  },
  {
    id: 'notification', related: [],
    names: ['send notification', 'send message', 'notify', 'push notification', 'message family', 'send alert'],
    descriptions: ['Send a push notification message to a family member phone', 'Notify someone with a text message', 'Sends a message to a phone'],
    params: [
      { key: 'message', names: ['message', 'text', 'body', 'content'], descriptions: ['Message text', 'What to send'],
        domain: { kind: 'text', values: ['dinner is ready', 'i am on my way', 'running late', 'come downstairs', 'the door is unlocked', 'call me when you can', 'pick up milk on the way home', 'the package arrived', 'time to come home', 'i love you'], shape: 'message' } },
      { key: 'recipient', names: ['recipient', 'to', 'person', 'target', 'user'], descriptions: ['Who receives it', 'Recipient phone'], required: 0.7,
        domain: { kind: 'enum', values: FAMILY_MEMBERS, sizes: [5, 9], stringChance: 0.2, shape: 'person' } },
    ],
    templates: [
      '[tell|message|text] {recipient} {message}', 'send {recipient} [a message|a notification] [saying|that] {message}', '[please|can you|] let {recipient} know {message}',
      'notify {recipient} {message}', 'send a message {message} to {recipient}', '[notify|ping] {recipient=everyone} {message}', 'message to {recipient} {message}',
    ],
  },
  {
    id: 'shopping_list', related: ['todo_list'],
    names: ['add to shopping list', 'shopping list add', 'add item', 'grocery list', 'add grocery', 'shopping list'],
    descriptions: ['Add an item to the shopping list', 'Put something on the grocery list', 'Adds a product with an optional quantity'],
    params: [
      { key: 'item', names: ['item', 'product', 'name', 'what'], descriptions: ['Item to add', 'Product name'],
        domain: { kind: 'text', values: ['milk', 'eggs', 'bread', 'coffee beans', 'dish soap', 'butter', 'bananas', 'toilet paper', 'olive oil', 'cat food', 'tomatoes', 'rice', 'yogurt', 'batteries', 'orange juice', 'paper towels'], shape: 'item' } },
      { key: 'quantity', names: ['quantity', 'count', 'amount', 'qty'], descriptions: ['How many', 'Quantity'], required: 0.1, domain: { kind: 'int', min: 1, max: 12 } },
    ],
    templates: [
      'add {item} to the [shopping|grocery] list', '[put|add] {quantity} {item} on the [shopping|grocery] list', "we're out of {item}", '[please|can you|] add {item} to my list',
      'shopping list {item}', '[we need|i need to buy|buy] {item}', 'add {item} [please|]', 'we need {quantity} [more|] {item}',
    ],
  },
  {
    id: 'todo_list', related: ['reminder', 'shopping_list'],
    names: ['add todo', 'add task', 'todo list', 'create task', 'add to do item', 'new task'],
    descriptions: ['Add a task to the to-do list', 'Create a to-do item', 'Adds a task with no time attached'],
    params: [{ key: 'task', names: ['task', 'title', 'item', 'text', 'description'], descriptions: ['Task to add', 'To-do text'],
      domain: { kind: 'text', values: ['clean the garage', 'fix the bike', 'renew my passport', 'call the bank', 'sort the laundry', 'mow the lawn', 'clean the gutters', 'file taxes', 'reply to grandma', 'return the library books', 'paint the fence', 'change the air filter'], shape: 'task' } }],
    templates: [
      'add {task} to my [to do|todo] list', '[put|add] {task} on the [to do|task] list', '[please|can you|] add a task to {task}', 'new task {task}',
      'i need to {task} [at some point|this week|sometime] add it to my list', 'to do {task}', 'task {task}',
    ],
  },
  {
    id: 'weather_query', related: ['sensor_query'],
    names: ['get weather', 'weather', 'weather forecast', 'check weather', 'forecast', 'weather query'],
    descriptions: ['Get the weather forecast', 'Look up current weather and forecast for a place', 'Weather information'],
    params: [
      { key: 'location', names: ['location', 'city', 'place', 'where'], descriptions: ['City name (default: home)', 'Location'], required: 0.05,
        domain: { kind: 'text', values: ['london', 'paris', 'berlin', 'new york', 'tokyo', 'madrid', 'chicago', 'sydney', 'rome', 'toronto', 'boston', 'amsterdam'], shape: 'place' } },
      { key: 'day', names: ['day', 'date', 'when', 'forecast day'], descriptions: ['Which day', 'today or tomorrow'], required: 0.05,
        domain: { kind: 'enum', values: { today: ['today'], tomorrow: ['tomorrow'], weekend: ['this weekend', 'the weekend'] } } },
    ],
    templates: [
      "what's the weather [like|]", "what's the weather [like|] in {location}", 'will it rain {day}', '[do i need|should i take] an umbrella [today|]', 'weather {day}',
      "what's the forecast for {day}", '[how|what] is the weather in {location} {day}', 'is it going to be [sunny|cold|warm] {day} in {location}', 'weather [in|for] {location}',
    ],
  },
  {
    id: 'time_query', related: [],
    names: ['get time', 'current time', 'what time', 'time now', 'get current time', 'clock'],
    descriptions: ['Get the current time', 'Tell the time, optionally in another city', 'Returns the current local time'],
    params: [{ key: 'city', names: ['city', 'timezone', 'location', 'place', 'zone'], descriptions: ['City or timezone (default local)', 'Where'], required: 0.05,
      domain: { kind: 'text', values: ['london', 'tokyo', 'new york', 'los angeles', 'sydney', 'paris', 'dubai', 'singapore', 'berlin', 'hong kong'], shape: 'place' } }],
    templates: [
      'what time is it', "what's the time [please|]", 'what time is it in {city}', '[can you|please|] tell me the time', 'time [please|]', 'current time in {city}',
      "what's the time in {city} right now", 'do you know what time it is',
    ],
  },
];
