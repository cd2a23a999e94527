/**
 * A fourth batch of phrasings. The model's misses on the fresh held-out sets are mostly two kinds:
 * an unfamiliar way of describing a situation that implies a command ("the washer is full of dirty
 * clothes"), and a state implied by a situation rather than said ("the tank has enough water" ->
 * off). The thirteen families of the third training batch had only seven or eight templates each,
 * so they get the most here; the other families get situations and implied states their batches
 * lack. Appended after the older batches (their template indices and held-out split stay put; the
 * generator test checks that every older held-out template is still held out); about one in five of
 * these is held out by the same hash. They avoid the key words of the held-out templates of every
 * earlier batch, so the committed fixtures still measure wordings the model was never taught.
 */
export const SITUATIONS: Record<string, string[]> = {
  washing_machine: [
    "[the hamper is full|the basket is overflowing] [get the washer going|run a load] {!action=start}", "[my clothes are dirty|i've got dirty clothes] [put on|run] a {program} [cycle|load] {!action=start}",
    "[wait|hang on] i forgot a sock [hold the washer|pause the wash] {!action=pause}", "[cancel|abort] the [wash|load] [in the washer|] {!action=stop}",
    "[wash|clean] my {program} [now|please|] {!action=start}", "[the washer is loaded|clothes are in the drum] {action=start} it",
  ],
  fireplace: [
    "[it's a cold evening|it's chilly tonight] [get the fire going|light the fireplace] {!state=on}", "[we're off to bed|i'm going upstairs] [turn off|put out] the fireplace {!state=off}",
    "[bigger|smaller] flames [please|] [flame|height] {flame} {!state=on}", "[the fire is too hot|too much fire] [turn it down to|flame] {flame} {!state=on}",
  ],
  plant_watering: [
    "[the leaves of the|my] {plant} [are drooping|are wilting]", "[my|the] {plant} [hasn't had water|is parched] [for days|]",
    "[pour|add] {amount} [of water|] [to|into] the {plant}", "[hydrate|soak] the {plant} [please|]",
  ],
  battery_query: [
    "[is the|will the] {device} [dying|going flat] [soon|]", "[how much battery|what percent] [has the|is left on the] {device}",
    "[should i charge|do i have to charge] the {device}", "{device} charge [left|remaining] [please|]",
  ],
  guest_wifi: [
    "[my cousin is visiting|we have guests staying] [share|open] the [wifi|network] [for {duration}|] {!state=on}", "[close|stop] the [visitor|guest] network {!state=off}",
    "[the party is over|everyone went home] [guest wifi|guest network] off {!state=off}", "[allow|let] visitors [on|onto] the [internet|network] {!state=on}",
  ],
  call_contact: [
    "[i need to speak to|can i speak to] {contact}", "[ring up|call up] {contact} [please|]", "[connect me to|put me through to] {contact} {speaker}",
    "[let's call|let's ring] {contact}", "[make a call to|place a call to] {contact}",
  ],
  radio_station: [
    "[i'm bored|it's too quiet] [some|a bit of] {station} would be nice", "[listen to|let's listen to] {station} [in the {room}|]",
    "[find|get] {station} on the radio", "[tune in to|find me] {station} [in the {room}|]",
  ],
  stopwatch: [
    "[and go|ready set go] [time this|time it] {!action=start}", "[finished|done] stop timing {!action=stop}",
    "[clear|wipe] the [lap|stopwatch] time {!action=reset}", "[begin|commence] timing [me|now] {!action=start}",
    "[freeze|end] the [stop watch|stopwatch] {!action=stop}",
  ],
  do_not_disturb: [
    "[i'm taking a nap|i need to focus] [hold|silence] [all|] notifications {!state=on}", "[i'm available again|you can interrupt me now] {!state=off}",
    "[silence everything|mute all alerts] for {duration} {!state=on}", "[end|stop] [quiet|focus] mode {!state=off}",
  ],
  lift_call: [
    "[i'm on|we're waiting on] floor {floor} [send the lift|elevator please]", "[the|] {lift} [up|down] to floor {floor}",
    "[summon|fetch] the [lift|elevator] [to|on] {floor}", "[goods|freight] [going|need to go] to level {floor} {!lift=goods}",
  ],
  tank_level: [
    "[is the|are we low on] {tank} [running low|empty|]", "[how much is left|what's left] in the {tank}",
    "[check|read] the {tank} gauge", "{tank} [percentage|fill] [please|]",
  ],
  alarm_threshold: [
    "[alert me|warn me] [when|if] the {measurement} [goes above|passes] {limit}", "[move|shift] the {measurement} [alarm|trip point] to {limit}",
    "{measurement} [trip level|max] {limit}",
  ],
  production_target: [
    "[the customer ordered|we owe the customer] {quantity} [items|pieces] [from {line}|]", "[aim for|plan for] {quantity} [units|parts] [on {line}|today]",
    "[change|update] the [goal|quota] [on {line}|] to {quantity}",
  ],
  scene: [
    "[the movie is starting|film time] {!scene=movie_night}", "[supper is ready|food's on the table] {!scene=dinner}",
    "[close up the house for the night|we're turning in] {!scene=bedtime}", "[let's get this party started|the dj is here] {!scene=party}",
    "[i'm off to work|we're off on holiday] {!scene=away}", "[wind down|chill out] [time|mode] {!scene=relax}", "[start the day|i'm awake] {!scene=good_morning}",
  ],
  tv_control: [
    "[i'm done watching|nobody is watching] [the tv|the telly] {!power=off}", "[channel|go to channel] {channel} [on the tv|please]",
    "[let's see|what's on] channel {channel}", "[the tv|television] to {input} [please|]",
  ],
  time_query: [
    "[what hour is it in|what's the hour in] {city}", "[tell me|give me] the time [please|]", "[current time|the time now] [in {city}|]",
    "[am i late|is it noon yet] what time is it",
  ],
  media_playback: [
    "[this song is terrible|i hate this track] {!action=next}", "[pause it|hang on] [the phone is ringing|someone's at the door] {!action=pause}",
    "[unpause|let the music continue] [please|] {!action=play}", "[i've had my fill of music|kill the tunes] {!action=stop}",
    "[i missed that song|repeat the last track] {!action=previous}",
  ],
  media_volume: [
    "[it's deafening|way too loud] [volume|put it at] {level}", "[louder|turn it up] to {level} [please|]", "[mute|silence] the [speakers|sound] {!level=0}",
  ],
  oven: [
    "[the pizza needs|the cake needs|the bread goes in at] {temperature}", "[get the oven to|warm up the oven to] {temperature} [on {mode}|]",
    "[roast|cook] at {temperature} [please|]",
  ],
  notification: [
    "[let|tell] {recipient} [that|] {message} [please|]", "[drop|shoot] {recipient} a [message|text] {message}",
    "[notify|alert] {recipient} [that|] {message}",
  ],
  shopping_list: [
    "[we're running low on|we've run out of] {item} [add it to the list|]", "{item} [for the shop|to buy] [please|]",
    "[remember to buy|don't let me forget to buy] {quantity} {item}",
  ],
  todo_list: [
    "[new chore|another job] [for me|] {task}", "[i still have|i've got] to {task} [add that|note that]",
    "[write down|make a note] [that i have|] to {task}",
  ],
  sensor_query: [
    "[is it cold|is it hot] in the {location} {!sensor=temperature}", "[read|show] the {location} {sensor} [sensor|]",
    "[is the air clean|how clean is the air] in the {location} {!sensor=air_quality}", "[humidity|moisture in the air] [reading|level] [for|in] the {location} {!sensor=humidity}",
  ],
  kiosk_show_page: [
    "[are you open on sunday|what time do you shut] {!page=opening_hours}", "[how much is it|how expensive is this] {!page=prices}",
    "[where's the toilet|how do i get to the exit] {!page=map}", "[i'm hungry|can i get something to eat] {!page=menu}",
    "[i need assistance|how does this work] {!page=help}", "[main screen|from the beginning] [please|] {!page=home}",
  ],
  kiosk_language: [
    "[i don't speak english|no english] {language} [please|]", "[make the language|the language should be] {language}",
    "[can i read this in|display everything in] {language}",
  ],
  kiosk_print_ticket: [
    "[i have business at|send me to] the {type} [please|]", "[number|ticket] [please|] for the {type}",
  ],
  alarm: [
    "[my flight is early|i've got an early start] [set an alarm|alarm me] [at|for] {time}", "[rouse me|get me out of bed] at {time} {days}",
  ],
  reminder: [
    "[i'll forget to|i always forget to] {text} [remind me|] at {time}", "[tell me|alert me] at {time} to {text}",
  ],
  timer: [
    "[the tea needs|the rice needs] {duration} [time it|]", "[ring|beep] after {duration} [from now|]",
  ],
  weather_query: [
    "[will i get wet|is rain coming] {day} [in {location}|]", "[what will the weather be|weather report] {day} [for {location}|]",
  ],
  calendar_query: [
    "[is my diary clear|do i have time] {day}", "[any appointments|anything booked] {day} [on my calendar|]",
  ],
  sprinkler_valve: [
    "[the|] {zone} [looks brown|is parched] [turn on the water|] {!state=on}", "[stop watering|no more water for] the {zone} {!state=off}",
    "[the|] {zone} [is soaked|is drenched] {!state=off}",
  ],
  valve: [
    "[we're flooding|there's a leak] [close|shut off] the {valve} {!action=close}", "[allow water through|turn the water on at] the {valve} {!action=open}",
  ],
  ev_charger: [
    "[the battery is at a hundred|charging is done] {!action=stop}", "[my battery is low|the ev is nearly empty] [charge it|start charging] {!action=start}",
    "[top up|fill up] the [car|ev] at {amps} {!action=start}",
  ],
  security_alarm: [
    "[we're all leaving|lock up the house] arm [the alarm|security] {!action=arm} {!mode=away}", "[turn the alarm off|stand down the alarm] {!action=disarm}",
    "[protect|guard] the house [in|on] {mode} [mode|] {!action=arm}",
  ],
  air_purifier: [
    "[the air is stuffy|it smells of cooking] [in the {room}|] [run the purifier at max|purifier to max] {!mode=turbo}", "[let the purifier decide|purifier do your thing] {!mode=auto}",
  ],
  dishwasher: [
    "[the dishes are filthy|the pans are greasy] [go heavy|intensive please] {!program=intensive}", "[load|cycle] {program} on the dishwasher [please|]",
  ],
  fan: [
    "[i'm shivering|i'm chilly] in the {room} [stop|switch off] the fan {!speed=off}", "[more|stronger] [air|wind] in the {room} {!speed=high}",
  ],
  emergency_stop: [
    "[there's smoke|a hand is caught] [stop|kill] {line} [now|]", "[danger|accident] [stop|halt] [the|] {line} immediately",
  ],
  mqtt_publish: [
    "[send|write] {payload} to [the topic|topic] {topic}", "[put|drop] {payload} on the bus at {topic}",
  ],
  device_power: [
    "[i'm finished with|turn off] the {device} [in the {room}|] [now|] {!state=off}", "[i need|we need] the {device} [on|running] {!state=on}",
  ],
  hot_water: [
    "[the water is cold|there's no hot water] [heat it|turn the boiler on] {!action=on}", "[we're on holiday|nobody's showering] [switch off|turn off] the [hot water|immersion] {!action=off}",
  ],
  light_power: [
    "[we're going to watch tv|i'm leaving] [turn off|kill] the {room} [light|lights] {!state=off}", "[i'm squinting|it's too murky] in the {room} {!state=on}",
  ],
  window: [
    "[it's muggy|it needs airing] in here [open|crack] the {window} {!action=open}", "[bugs are coming in|it's noisy outside] [shut|close] the {window} {!action=close}",
  ],
};
