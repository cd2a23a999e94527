/**
 * A third batch of phrasings, written to widen the words the model sees for each training family:
 * needs and situations ("i'm reading in the office", "the baby is asleep"), casual and terse forms,
 * and verbs the older batches never use. Appended after the older batches (so their template indices
 * and held-out split stay put); about one in five of these is held out by the same hash. They avoid
 * the key words of the committed held-out fixtures' templates, so those fixtures still measure
 * wordings the model was never taught.
 */
export const PARAPHRASES: Record<string, string[]> = {
  light_power: [
    "[i'm reading|i'm working] in the {room} [and it's too dim|and i need light] {!state=on}",
    "[the baby is asleep|everyone's asleep] darken the {room} {!state=off}",
    "[it's so dim|it's like a cave] in the {room} {!state=on}", "[illuminate|light up] the {room} {!state=on}",
    "[we left the|someone left the] {room} [light|lights] on {!state=off}", "{room} [light|lights] [back|] {state} [again|]",
  ],
  light_brightness: [
    "[it's a bit too bright|that's too harsh] in the {room} [go|drop it] to {level}", "[the|my] {room} [lights are|light is] [too dim|too weak] [make it|go to] {level}",
    "[half|set] the {room} [lighting|lights] [at|to] {level}", "[tone|turn] down the {room} [lights|lighting] to {level}",
  ],
  light_color: [
    "[bathe|flood] the {room} in {color} [light|]", "[go|switch to] {color} in the {room}",
    "[i'm in the mood for|how about] {color} [lights|light] in the {room}",
  ],
  switch_plug: [
    "[kill|cut] [the|] power to the {device} {!state=off}", "[fire up|start up] the {device} {!state=on}",
    "[did i leave the|is the] {device} on [switch it off|turn it off] {!state=off}", "[plug|socket] for the {device} {state}",
    "[the|my] {device} [should be|must be] {state} [now|]",
  ],
  fan: [
    "[it's roasting|i'm overheating|it's sweltering] in the {room} {!speed=high}", "[gentle|a light] breeze in the {room} [please|] {!speed=low}",
    "[the fan is too loud|i can hear the fan] in the {room} {!speed=off}", "[medium|middle] fan [speed|] [for|in] the {room} {!speed=medium}",
    "{room} [fan|ventilator] [on|to] {speed}",
  ],
  thermostat: [
    "[warm up|heat up] the {room} to {temperature}", "[cool|bring] the {room} down to {temperature}",
    "[keep|hold] the {room} at {temperature}", "[the|my] {room} [should be|needs to be] {temperature}",
    "[target|aim for] {temperature} in the {room}",
  ],
  hvac_mode: [
    "[my hands are ice|brr it's cold] {!mode=heat}", "[cool the house down|cool us off] {!mode=cool}",
    "[just|] [circulate the air|move some air around] [please|] {!mode=fan_only}", "[turn off the climate|no heating or cooling] {!mode=off}",
    "[heat|heating] mode [please|] {!mode=heat}", "[economy|energy saving] mode on the [climate|hvac] {!mode=eco}",
  ],
  cover: [
    "[i want some privacy|people can see in] in the {room} {!position=0}", "[open up|raise] the {room} [blinds|shutters|shades] [all the way|fully] {!position=100}",
    "[halfway|partly] [open|down] [with|] the {room} [blinds|shades] {!position=50}", "[lower|drop] the {room} [blinds|shutters] to {position}",
    "[block out|keep out] the sun in the {room} {!position=0}",
  ],
  lock: [
    "[make sure|check that] the {door} is locked {!action=lock}", "[let me in|open up] [at|through] the {door} {!action=unlock}",
    "[unbolt|release] the {door} {!action=unlock}", "[lock up|lock] [the|] {door} [for the night|before bed|] {!action=lock}",
  ],
  media_playback: [
    "[i don't like this song|skip this one] {!action=next}", "[hold the music|wait a second with the music] {!action=pause}",
    "[go back|last song] [on the {player}|] {!action=previous}", "[resume|continue] [the music|playback] [on the {player}|] {!action=play}",
    "[turn the music off|no more music] [in the {room}|] {!action=stop}",
  ],
  media_volume: [
    "[i can't hear it|it's too quiet] [put it|make it] {level}", "[the neighbours are complaining|the baby is asleep] volume {level}",
    "[raise|drop] the [sound|volume] [on the {player}|] to {level}", "[hush|quieten] the music [in the {room}|] {!level=0}",
  ],
  media_source: [
    "[switch|change] [over|] to {source} [in the {room}|]", "[use|go to] {source} [on the speakers|for the music|]",
    "[i want|let's have] {source} [in the {room}|]",
  ],
  tv_control: [
    "[flick|switch] to channel {channel}", "[turn the telly off|off with the tv] {!power=off}",
    "[i want to watch|let's watch] [chromecast|something from my phone] {!input=chromecast}", "[change|set] the tv [source|input] to {input}",
    "[let's watch|i want to watch] tv {!power=on}",
  ],
  timer: [
    "[time me for|clock] {duration}", "[tell me|alert me] in {duration}", "[stopwatch|timer] {duration} [starting now|go]",
    "[my eggs need|the pasta needs] {duration} [set a timer|]", "{duration} [on the clock|countdown] [please|]",
  ],
  alarm: [
    "[i need to|i've got to] get up at {time}", "[alarm clock|wake up call] {time} [please|]",
    "[don't let me oversleep|make sure i'm up] [at|by] {time}", "[schedule|create] an alarm [at|for] {time} {days}",
  ],
  reminder: [
    "[don't let me forget|make sure i remember] to {text} at {time}", "[i must|i should] {text} at {time} [remind me|]",
    "[reminder|note] {time} {text}", "[at|around] {time} [nudge me|ping me] [about|to] {text}",
  ],
  scene: [
    "[lights out|sleep time] [for everyone|for the house|] {!scene=bedtime}", "[time to eat|let's eat] {!scene=dinner}",
    "[we're watching a film|let's watch a movie] {!scene=movie_night}", "[time to relax|i want to relax] {!scene=relax}",
    "[we're leaving the house|everyone's out] {!scene=away}", "[the guests are here|put on party mode] {!scene=party}", "[good morning house|morning routine] {!scene=good_morning}",
  ],
  sprinkler_valve: [
    "[it hasn't rained|it's been dry] [water|soak] the {zone} {!state=on}", "[turn on|start] the [sprinkler|sprinklers] [for|on] the {zone} {!state=on}",
    "[the|] {zone} [is flooded|has had enough water] {!state=off}", "[run|start] the {zone} [irrigation|sprinklers] for {duration} {!state=on}",
  ],
  doorbell_intercom: [
    "[who's at the door|who is it] {!action=show_camera}", "[tell them to go away|send them away] {!action=decline}",
    "[let me talk to|put me through to] the [door|doorbell] {!action=talk}", "[answer|take] the [door|doorbell|intercom] [call|] {!action=answer}",
  ],
  notification: [
    "[let|tell] {recipient} know [that|] {message}", "[send|write] {recipient} [that|] {message}",
    "[ping|buzz] {recipient} [with|] {message}", "[message|text] for {recipient} {message}",
  ],
  shopping_list: [
    "[we need|we're out of] {item}", "[we need|buy] {quantity} {item} [next time|]", "[stick|jot] {item} on the [list|groceries]",
    "[pick up|grab] {item} [when i'm at the shop|at the store|]",
  ],
  todo_list: [
    "[my|a] [task|todo] {task}", "[i mustn't forget|i have] to {task}", "[jot down|list] [that i need to|] {task}",
    "[new|another] [task|to do] {task}",
  ],
  weather_query: [
    "[will it rain|is it raining] [in {location}|] {day}", "[what's the|] forecast {day} [in {location}|]",
    "[do i need|should i bring] [sunscreen|gloves|a hat] {day}", "[how cold|how hot|how warm] [is it|will it be] [in {location}|] {day}",
    "[is it nice out|what's the weather doing] {day}",
  ],
  time_query: [
    "[what's the time|got the time]", "[what time is it|what time's it] in {city}", "[is it late|is it early] in {city}",
    "time check [please|]",
  ],
  conveyor: [
    "[get|set] {line} [moving|running] {!action=start}", "[freeze|halt] {line} [for a bit|briefly] {!action=pause}",
    "[we're done on|shut off] {line} {!action=stop}", "[start up|restart] {line} [again|] {!action=start}",
  ],
  motor_speed: [
    "[spin|drive] the {motor} at {rpm}", "[slow|speed] the {motor} [down|up] to {rpm}",
    "{motor} [speed|revs] {rpm}",
  ],
  relay_gpio: [
    "[switch|flip] the {relay} {state}", "[drive|pull] [pin|gpio] {pin} {state=on}", "[trip|close] the {relay} {!state=on}",
    "[open|release] the {relay} {!state=off}",
  ],
  valve: [
    "[shut|seal] the {valve} [valve|] {!action=close}", "[let water through|open up] the {valve} {!action=open}",
    "[the|] {valve} [needs to be|should be] {action}",
  ],
  kiosk_print_ticket: [
    "[i need|i want] to [see|visit] the {type}", "[a ticket|a number] for the {type} [please|]",
    "[i'd like to bring something back|i have an item to exchange] {!type=returns}", "[i need medicine|my prescription] {!type=pharmacy}",
    "[fresh bread|i want bread] {!type=bakery}",
  ],
  kiosk_show_page: [
    "[when do you close|when do you open] {!page=opening_hours}", "[what does it cost here|show me the price list] {!page=prices}",
    "[i can't find the exit|show me the map|where am i] {!page=map}", "[what can i eat|show me the food] {!page=menu}",
    "[back to the start|go back home] {!page=home}", "[i'm stuck|this is confusing] {!page=help}",
  ],
  sensor_query: [
    "[what's|tell me] the {sensor} [level|reading] [in|at] the {location}", "[how hot|how cold|how warm] is the {location} {!sensor=temperature}",
    "[is the air ok|how's the air] in the {location} {!sensor=air_quality}", "[what's the|] [air pressure|barometer] [in|at] the {location} {!sensor=pressure}",
    "[how wet|how muggy] is the {location} {!sensor=humidity}",
  ],
  machine_status: [
    "[is the|] {machine} [still working|up and running]", "[any problems|any faults] [with|on] the {machine}",
    "[check|look at] the {machine} [status|for me]", "how's the {machine} [doing|going]",
  ],
  mqtt_publish: [
    "[send|publish] [a|the] message {payload} [on|to] {topic}", "{topic} [gets|should get] {payload}",
    "[broadcast|emit] {payload} [on|to] {topic}",
  ],
  emergency_stop: [
    "[someone is hurt|there's a fire] stop {line}", "[e stop|estop] [on|] {line}", "[pull the plug on|cut everything on] {line} [now|]",
  ],
  counter_reset: [
    "[start|begin] the {counter} [count|counter] [again|over] [from zero|]", "[new|fresh] {counter} count for the {shift} [shift|]",
    "[zero out|clear] the {counter} [counter|]",
  ],
  device_power: [
    "[fire up|switch on] the {device} [in the {room}|] {!state=on}", "[nobody's using|we're done with] the {device} {!state=off}",
    "[the|] {device} [should be|needs to be] {state}", "[cut|kill] [the|] power to the {device} {!state=off}",
  ],
  light_set: [
    "[i want|give me] {color} at {level} [in the {room}|]", "[bathe|flood] the {room} in {color} at {level}",
    "{color} [light|lights] [at|to] {level} [in the {room}|]",
  ],
  hot_water: [
    "[i want a bath|i'm having a shower] [heat|warm] the water {!action=on}", "[switch|turn] the [hot water|boiler] off {!action=off}",
    "[quick|extra] hot water for {duration} {!action=boost}",
  ],
  ev_charger: [
    "[the car needs|my car needs] [charging|juice] {!action=start}", "[enough charging|the car is charged] {!action=stop}",
    "[plug in|hook up] the [ev|car] at {amps} {!action=start}",
  ],
  window: [
    "[it smells in here|we need a breeze] [open|crack open] the {window} {!action=open}", "[it's raining|rain is coming] [close|shut] the {window} {!action=close}",
    "[the|] {window} [should be|needs to be] {action}",
  ],
  security_alarm: [
    "[we're going to sleep|night mode] [arm the alarm|set the alarm] {!action=arm} {!mode=night}", "[i'm home|we're back] [disarm|switch off] the [alarm|security] {!action=disarm}",
    "[arm|set] the [security|alarm] [in|to] {mode} [mode|]",
  ],
  oven: [
    "[heat|warm] the oven [up|] to {temperature}", "[grill|bake] at {temperature}",
  ],
  robot_arm: [
    "[robot|arm] [go|run] {program}", "[send the arm home|robot back to home] {!program=home}", "[start|begin] {program=palletize} [on the arm|]",
  ],
  announce: [
    "[let everyone know|tell the whole building] {message}", "[over the tannoy|on the loudspeaker] {message} [in the|to the] {zone}",
    "[shout|yell] {message} [to the|] {zone}",
  ],
  energy_query: [
    "[how much power|how much electricity] [did we use|have we used] {period}", "[energy|power] [consumption|usage] [for|] {period}",
    "[what did the electricity cost|what's the power cost] {period}",
  ],
  pet_feeder: [
    "[the cat is hungry|the dog is hungry] [give it|feed it] {portions} [portions|scoops]", "[give|put out] [some|] food for the [cat|dog|pets]",
    "{portions} [scoops|portions] [for the cat|for the dog|of kibble]",
  ],
  humidifier: [
    "[my skin is so dry|my throat is dry] [in the {room}|] [humidity|humidifier] to {humidity}", "[keep|hold] the {room} humidity at {humidity}",
    "[humidifier|moisture] [at|to] {humidity} [in the {room}|]",
  ],
  coffee_machine: [
    "[i could use|i want] [a|an] {drink} [please|]", "{cups} [cups of|] {drink} [for us|please]",
  ],
  calendar_query: [
    "[do i have|have i got] [anything|meetings|plans] {day}", "[what's on|what's happening] {day}", "[my|] [appointments|meetings] {day}",
  ],
  stack_light: [
    "[light|show] {color} [on|at] {station}", "[all good|running fine] at {station} {!color=green}", "[turn off|switch off] the {station} [beacon|tower light] {!color=off}",
  ],
  label_printer: [
    "[print|run off] {count} {product} [labels|stickers]", "[stickers|labels] for {product} [times|] {count}", "[i need|we need] labels for {product}",
  ],
  kiosk_language: [
    "[can we|let's] [use|speak] {language}", "[swap|flip] over to {language} [please|]", "[in|use] {language} [please|]",
  ],
  kiosk_check_in: [
    "[i have an appointment|i'm booked in] [as|under] {reference}", "[check in|checking in] {reference}", "[reference|booking] {reference}",
  ],
  air_purifier: [
    "[i can smell smoke|the air smells] in the {room} {!mode=turbo}", "[quiet|night] mode on the [purifier|air cleaner] {!mode=sleep}",
    "[purifier|air purifier] [off|stop] [in the {room}|] {!mode=off}",
  ],
  dishwasher: [
    "[clean|scrub] the [dishes|glasses] using {program}", "[quick wash|a quick cycle] [please|] {!program=quick}",
    "[start|run] the dishes in {delay}",
  ],
};
