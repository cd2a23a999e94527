/**
 * More ways to say each training family's commands: polite and question forms, word orders, and
 * indirect phrasings. They are appended after a family's own templates, so the template indices (and
 * with them the held-out template split) of the older templates stay what they were; about one in
 * five of these is held out by the same hash. None repeats the wording of an older held-out template.
 */
export const MORE_TEMPLATES: Record<string, string[]> = {
  light_power: [
    "[could you|would you|] [please|] [turn|switch] the [light|lights] {state} in the {room} [for me|]",
    "[it's too dark|it's dark|it's gloomy] [over here|] in the {room} {!state=on}",
    "[nobody is|no one's] in the {room} [anymore|] {!state=off}",
    "[leave|keep] the {room} [light|lights] {state=on}", "[get|give me] some light in the {room} {!state=on}",
    "[lights|light] [out|off] in the {room} {!state=off}", "{room} [lamp|lamps] {state} [now|thanks|]",
  ],
  light_brightness: [
    "[can you|could you|] [bring|put] the {room} [lights|light] [down|up] to {level}", "{level} [brightness|] [in the|for the] {room} [lights|]",
    "i'd like the {room} [lights|lamp] at {level}", "[lower|reduce] the {room} [lights|brightness] to {level}",
    "[make|set] the {room} [light|lamp] {level} [please|]",
  ],
  light_color: [
    "[could you|can you|] [paint|color|colour] the {room} [lights|light] {color}", "{room} [lights|light|lamp] {color} [please|]",
    "i'd like the {room} [light|lights] to be {color}", "[switch|change] the {room} lamp [color|colour|] to {color}",
  ],
  switch_plug: [
    "[could you|can you] [please|] [turn|switch] {state} [the|my] {device} [for me|]", "[the|] {device} needs to be {state}",
    "i'm done with the {device} {!state=off}", "[get|put] the {device} [going|on] {!state=on}", "{device} [power|socket|plug] {state}",
  ],
  fan: [
    "[i'm sweating|it's boiling] in the {room} {!speed=high}",
    "[a little|a bit of|just a little] air in the {room} [please|] {!speed=low}", "[switch|turn] the {room} fan {speed=off}",
    "fan [speed|] {speed} in the {room}", "i'm cold turn the fan {speed=off}",
  ],
  thermostat: [
    "[could you|can you|] [please|] make the {room} {temperature} degrees", "[i'd like|i want] the {room} at {temperature} [degrees|]",
    "[bump|turn] the {room} [heat|heating] up to {temperature}", "[drop|turn] the {room} [heat|temperature] down to {temperature}",
    "{temperature} degrees [in the {room}|] [please|]", "heating {temperature} [in the {room}|]",
  ],
  hvac_mode: [
    "[i'm cold|it's cold in here|it's chilly] {!mode=heat}", "[i'm|we're] [too hot|melting|sweating] {!mode=cool}",
    "[could you|can you|] put the [heating|climate|hvac] on {mode}", "[change|set] the [climate|air conditioning] mode to {mode}",
    "it's [so humid|muggy] in here {!mode=dry}", "[let the ac decide|whatever the ac thinks] {!mode=auto}", "[save energy|go green] on the climate {!mode=eco}",
  ],
  cover: [
    "[could you|can you|] [please|] [shut|close|draw] the {room} [curtains|blinds|shutters] {!position=0}",
    "[let some light in|let the sun in] [in the {room}|] {!position=100}", "[the sun is in my eyes|there's glare] in the {room} {!position=0}",
    "[put|set] the {room} [blinds|shades] at {position}", "{room} [shutters|curtains|shades] to {position}",
    "[roll|pull] up the {room} [blinds|shades] {!position=100}",
  ],
  lock: [
    "[is the|] {door} [still|] unlocked lock it {!action=lock}",
    "[i'm heading out|we're leaving] lock the {door} {!action=lock}", "[secure|bolt] the {door} {!action=lock}",
    "[i'm at|we're at] the {door} let me in {!action=unlock}",
  ],
  media_playback: [
    "[could you|can you|] [please|] {action} the music [on the {player}|]", "[hit|press] {action=play} [on the {player}|]",
    "[put the music back on|keep playing] {!action=play}", "[enough music|i'm done listening to music|that's enough music] {!action=stop}",
    "[another song|a different song|the next song] [please|] {!action=next}", "[replay that song|play that song again|back one song] {!action=previous}",
  ],
  media_volume: [
    "[could you|can you|] [please|] put the volume [at|to] {level} [in the {room}|]", "[it's too loud|that's way too loud] [turn it down|] to {level}",
    "i can barely hear it [set it|put it] to {level}", "[silence|quiet] the {player} {!level=0}", "{player} [volume|sound] [at|to] {level}",
    "[turn|crank] the {room} music up to {level}",
  ],
  media_source: [
    "[i'd like to|let me] [listen to|hear] {source}",
    "[put|play] {source} [on|in the {room}|]",
  ],
  tv_control: [
    "[could you|can you|] [please|] switch the [tv|telly] {power}", "[put on|go to] channel {channel} [on the tv|]",
    "[nobody's watching the tv|we're finished watching tv] {!power=off}", "[i want to play|let's play] on the playstation {!input=playstation}",
    "tv [input|source] {input}", "[turn|put] the [tv|television] on {!power=on} [please|]",
  ],
  timer: [
    "[could you|can you|] [please|] [time|set a timer for] {duration}", "[i need|give me] a {duration} timer",
    "let me know when {duration} [are up|have passed|is up]", "{label} timer [for|] {duration}", "timer for {duration} [please|]",
    "[put|set] a timer on for {duration} [for the {label}|]",
  ],
  alarm: [
    "[could you|can you|] [please|] set [me|] an alarm for {time}", "[i have to|i need to] be awake at {time}",
    "alarm for {time} {days} [please|]", "[make|set] an alarm named {label} for {time}", "[ring|buzz] me at {time}",
    "{label} alarm {time}",
  ],
  reminder: [
    "[could you|can you|] [please|] give me a reminder at {time} that i [have to|need to] {text}", "[i need a|i'd like a] reminder at {time} to {text}",
    "[ping|nudge] me at {time} to {text}", "[make sure i|help me remember to] {text} at {time}", "at {time} tell me to {text}",
  ],
  scene: [
    "[could you|can you|] [please|] [activate|set] {scene} [mode|scene]", "[bedtime mode|lights out everyone] {!scene=bedtime}",
    "[rise and shine everyone|we're up for the day] {!scene=good_morning}", "[i need to unwind|chill out time] {!scene=relax}",
    "[movie time|film night] {!scene=movie_night}", "[we're heading out|nobody's home] {!scene=away}", "[party time|let's party] {!scene=party}",
    "[dinner is ready|dinner time] {!scene=dinner}",
  ],
  sprinkler_valve: [
    "[could you|can you|] [please|] [sprinkle|irrigate] the {zone} [for {duration}|] {!state=on}", "[give|let] the {zone} [a drink|some water] {!state=on}",
    "the {zone} [is bone dry|needs water] {!state=on}", "[stop|enough] [water|watering] [on|in] the {zone} {!state=off}",
    "{zone} [watering|irrigation] {state} [please|]",
  ],
  doorbell_intercom: [
    "[could you|can you|] [please|] {action=answer} the [door|doorbell]", "[i'll talk|let me speak] to [them|the visitor] {!action=talk}",
    "[let me see|show me] who's [outside|ringing] {!action=show_camera}", "[don't answer the door|ignore the intercom|not now to whoever is at the door] {!action=decline}",
    "[let the visitor in|open up for the visitor] {!action=unlock}", "[pick up|get] the intercom {!action=answer}",
  ],
  notification: [
    "[could you|can you|] [please|] [text|message] {recipient} [that|saying] {message}", "tell {recipient} [that|] {message}",
    "[drop|shoot] {recipient} a [note|text|line] [saying|] {message}", "[let|make sure] {recipient} [knows|know] {message}",
  ],
  shopping_list: [
    "[we've run out of|we're low on|we're almost out of] {item}",
    "[don't let me forget|remember] [to buy|] {item}", "add {quantity} {item} [please|]", "[i'll need|get] {quantity} {item} [from the shop|]",
  ],
  todo_list: [
    "[could you|can you|] [please|] add {task} to [the|my] [list|tasks]", "[remember|don't forget] [that i have|i need] to {task}",
    "[put down|note down|write down] {task}", "[i've got to|i must] {task} [put it on the list|]",
  ],
  weather_query: [
    "[how's|how is] the weather {day} [in {location}|]", "will it [snow|rain] in {location} {day}",
    "[what's it like|what is it like] outside [in {location}|]", "[should i wear|will i need] a [coat|jacket] {day}", "forecast [for|in] {location}",
  ],
  time_query: [
    "[could you|can you|] [please|] tell me [the time|what time it is]", "[what's|what is] the [local|current] time in {city}",
    "how late is it [now|]", "time in {city} [please|]",
  ],
  conveyor: [
    "[kick off|fire up] {line} {!action=start}",
    "[give me a minute|one moment] on {line} {!action=pause}", "[shut down|kill] {line} [conveyor|] {!action=stop}", "{line} [belt|conveyor] {action}",
  ],
  motor_speed: [
    "[could you|can you|] [please|] run the {motor} at {rpm} [rpm|]", "{motor} [to|at] {rpm} [rpm|revs|]",
    "[ramp|take] the {motor} [up|down] to {rpm}", "[change|adjust] the {motor} speed to {rpm}",
  ],
  relay_gpio: [
    "[could you|can you|] [please|] [energise|energize] the {relay} {!state=on}", "[release|drop|de energise] the {relay} {!state=off}",
    "[set|make] the {relay} {state}", "[pin|gpio] {pin} [to|] {state} [now|]",
  ],
  valve: [
    "[stop the flow|cut the water] [at|on] the {valve} {!action=close}",
    "[let it flow|start the flow] [through|on] the {valve} {!action=open}", "{valve} valve {action} [now|]",
  ],
  kiosk_print_ticket: [
    "[could you|can you|] [please|] print me a {type} [ticket|number]", "[i'm here for|i'd like to go to] the {type}",
    "{count} {type} tickets [please|]", "[queue|line] number for the {type}", "[where do i queue|i'm waiting] for the {type}",
  ],
  kiosk_show_page: [
    "[could you|can you|] [please|] [open|bring up] the {page}", "[what's on the menu|what food do you have] {!page=menu}",
    "[what are your hours|are you open on sunday] {!page=opening_hours}", "[i'm lost|how do i find the toilets] {!page=map}",
    "[i need help with this screen|how does this kiosk work] {!page=help}", "[what are the prices|how expensive is it] {!page=prices}", "[main menu|start over] {!page=home}",
  ],
  sensor_query: [
    "[could you|can you|] [please|] read the {sensor} [in|for] the {location}", "[what does|what's] the {location} {sensor} [say|read|show]",
    "is it [cold|warm] in the {location} {!sensor=temperature}", "[is the air stale|is there enough fresh air] in the {location} {!sensor=co2}",
    "{sensor} [in|at] the {location} [please|]",
  ],
  machine_status: [
    "[could you|can you|] [please|] [give me|get me] the status of the {machine}", "has the {machine} [stopped|broken down]",
    "[what's going on|what's up] with the {machine}", "{machine} [health|state] [please|]",
  ],
  mqtt_publish: [
    "[could you|can you|] [please|] send {payload} to [topic|] {topic}", "[post|push] {payload} [on|to] {topic}",
    "[write|put] {payload} on [the|] {topic} [topic|]", "topic {topic} [message|payload|] {payload}",
  ],
  emergency_stop: [
    "[stop stop stop|everybody stop|abort abort]", "[shut|kill] [it all|everything] down [now|]", "[emergency|danger] on {line}",
    "[stop|halt] {line} [it's an emergency|immediately]",
  ],
  counter_reset: [
    "[could you|can you|] [please|] [reset|zero] the {counter} [count|counter]", "[wipe|clear out] the {counter} [count|] for {shift}",
    "{counter} [count|counter] back to zero", "clear the {shift} {counter} [count|]",
  ],
  device_power: [
    "[could you|can you|] [please|] [turn|switch] {state} the {device} [for me|]", "[get|put] the {device} [going|on] {!state=on}",
    "[i'm done with|we don't need] the {device} [anymore|] {!state=off}", "{device} [in the {room}|] {state} [thanks|please|]",
    "power {state} [the|my] {room} {device}",
  ],
  light_set: [
    "[could you|can you|] [please|] give me {color} [light|lights] at {level} in the {room}", "{room} [lights|lamp] {color} [please|]",
    "[bring|take] the {room} [lights|light] down to {level}", "{level} [brightness|] in the {room}",
  ],
  hot_water: [
    "[the water is cold|the shower is cold] {!action=on}",
    "[nobody needs hot water|no more hot water today] {!action=off}", "[heat up|warm up] the water {!action=on}",
  ],
  ev_charger: [
    "[could you|can you|] [please|] {action} charging [the car|]", "[start charging|charge up] the car {!action=start}",
    "[stop charging|unplug] the car {!action=stop}", "[charge|charge the car] at {amps} amps {!action=start}",
  ],
  window: [
    "[could you|can you|] [please|] {action} the {window} [for me|]", "[it's getting cold|there's a draft] [shut|close] the {window} {!action=close}",
    "[i need some air|let the fresh air in] [open|crack] the {window} {!action=open}",
  ],
  security_alarm: [
    "[we're going out|nobody's home] arm the alarm {!action=arm} {!mode=away}",
    "[turn off|switch off|disable] the [burglar alarm|security alarm] {!action=disarm}", "[alarm|security] [on|to] {mode} mode {!action=arm}",
  ],
  oven: [
    "[could you|can you|] [please|] [turn on|set] the oven [to|at] {temperature} [degrees|]", "oven [on|to] {temperature} [please|]",
  ],
  robot_arm: [
    "[move|send] the [arm|robot] [to|] {program}",
    "[park|stow] the robot [arm|] {!program=park}", "[calibrate|recalibrate] the [arm|robot arm] {!program=calibrate}",
  ],
  announce: [
    "[could you|can you] [please|] announce {message} [for me|]", "[say|tell everyone] {message} [over the speakers|on the pa|]",
    "[page|call out] {message} [in the|] {zone}", "[make an announcement|announcement] [in the|] {zone} {message}",
  ],
  energy_query: [
    "[could you|can you|] [please|] tell me the [energy|power] use {period}", "[what did|how much did] we [spend|use] on [power|electricity] {period}",
    "[power|electricity] [figures|numbers] {period}", "[what's|what is] our [energy|electricity] [bill|usage] {period}",
  ],
  pet_feeder: [
    "[could you|can you|] [please|] feed the [cat|dog|pets] [now|]", "[put out|dispense] {portions} [portions|scoops] [of food|]",
    "[did you|have you] feed the [cat|dog] [yet|] feed it", "[pet|cat|dog] food {portions} [portions|scoops|]",
  ],
  humidifier: [
    "[could you|can you|] [please|] set the {room} humidity to {humidity}", "[the air is too dry|it's so dry] [in the {room}|] set the humidifier to {humidity}",
    "humidity [at|to] {humidity} [in the {room}|] [please|]",
  ],
  coffee_machine: [
    "[i'd love|i'd like|let me have] [a|an] {drink}",
    "brew [me|us] {cups} {drink}", "[i need caffeine|wake me up with coffee] {!drink=espresso}",
  ],
  calendar_query: [
    "[could you|can you|] [please|] check my [calendar|diary|schedule] for {day}", "[what's|what is] [my|] schedule [like|] {day}",
    "[anything|any appointments] [on|] {day}", "[how busy am i|is my day full] {day}",
  ],
  stack_light: [
    "[could you|can you|] [please|] switch the {station} [tower light|stack light] to {color}", "{station} [is down|has stopped] {!color=red}",
    "[need material|waiting for parts] at {station} {!color=yellow}", "{color} [light|beacon] for {station}",
  ],
  label_printer: [
    "[i need|give me] {count} {product} labels",
    "label [the|] {product} [times|] {count}",
  ],
  kiosk_language: [
    "[could you|can you|] [please|] [switch|change] the language to {language}", "[i don't speak english|no english] {language}",
    "{language} [language|] [please|]", "[set|put] [the screen|this] [to|in] {language}",
  ],
  kiosk_check_in: [
    "[sign me in|register me] [as|under] {reference}", "[my booking is|the reference is|my name is] {reference}",
    "[i've arrived|i'm here] [for|under] {reference}",
  ],
  air_purifier: [
    "[could you|can you|] [please|] put the [air purifier|purifier|air cleaner] on {mode}", "[it's dusty|the air is bad|there's smoke] in the {room} {!mode=turbo}",
    "[air cleaner|air filter] [to|on] {mode}",
  ],
  dishwasher: [
    "[could you|can you|] [please|] [start|run] the dishwasher [on|with] {program}", "[wash the dishes|do the dishes] [on|with] {program}",
    "[run|start] the dishwasher in {delay}",
  ],
};
