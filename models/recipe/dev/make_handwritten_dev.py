# Writes handwritten-dev.jsonl: tool sets and utterances written by hand for choosing router rules
# (a development set: never the test files). Run: python3 models/recipe/dev/make_handwritten_dev.py
from dev_schema import T, E, S, I, N, B, C, write_sets

sets = []
greenhouse = [
 T("set_vent", "Open a greenhouse vent to a position", {"vent": E(["roof", "side", "door"]), "position": I("percent open", 0, 100)}, ["vent", "position"]),
 T("water_beds", "Run the drip irrigation for one bed", {"bed": E(["tomatoes", "herbs", "peppers"]), "duration": I("run time in seconds")}, ["bed"]),
 T("greenhouse_heater", "Switch the greenhouse heater", {"state": E(["on", "off"])}, ["state"]),
 T("get_reading", "Read a greenhouse sensor", {"sensor": E(["humidity", "soil_moisture", "temperature"])}, ["sensor"]),
]
sets.append((greenhouse, [
 ("open the roof vent halfway", [C("set_vent", vent="roof", position=50)]),
 ("side vent to thirty percent", [C("set_vent", vent="side", position=30)]),
 ("close the door vent", [C("set_vent", vent="door", position=0)]),
 ("water the tomatoes for ten minutes", [C("water_beds", bed="tomatoes", duration=600)]),
 ("give the herbs a drink", [C("water_beds", bed="herbs")]),
 ("turn the heater on in the greenhouse", [C("greenhouse_heater", state="on")]),
 ("it's freezing in the greenhouse", [C("greenhouse_heater", state="on")]),
 ("heater off please", [C("greenhouse_heater", state="off")]),
 ("how humid is it in there", [C("get_reading", sensor="humidity")]),
 ("do the beds need water", [C("get_reading", sensor="soil_moisture")]),
 ("what's the temperature in the greenhouse", [C("get_reading", sensor="temperature")]),
 ("the peppers look great this year", []),
 ("remind me to buy compost", []),
 ("water the peppers for ninety seconds and open the roof vent all the way", [C("water_beds", bed="peppers", duration=90), C("set_vent", vent="roof", position=100)]),
]))
printer = [
 T("printer_pause", "Pause the current 3D print"),
 T("printer_resume", "Resume a paused 3D print"),
 T("set_nozzle_temp", "Set the hot end temperature", {"celsius": I("target temperature in degrees celsius", 0, 300)}, ["celsius"]),
 T("printer_status", "Report progress of the current print"),
 T("shop_vac", "Switch the workshop dust extractor", {"on": B("true to run")}, ["on"]),
]
sets.append((printer, [
 ("pause the print", [C("printer_pause")]),
 ("hold on stop printing for a sec", [C("printer_pause")]),
 ("carry on printing", [C("printer_resume")]),
 ("resume", [C("printer_resume")]),
 ("set the nozzle to two hundred and ten degrees", [C("set_nozzle_temp", celsius=210)]),
 ("hot end two forty", [C("set_nozzle_temp", celsius=240)]),
 ("how far along is the print", [C("printer_status")]),
 ("is my print done yet", [C("printer_status")]),
 ("turn on the dust extractor", [C("shop_vac", on=True)]),
 ("switch the vac off", [C("shop_vac", on=False)]),
 ("this filament is terrible", []),
 ("order more pla", []),
]))
aquarium = [
 T("feed_fish", "Drop food from the automatic feeder", {"portions": I("number of portions", 1, 5)}, []),
 T("aquarium_light", "Set the tank lighting mode", {"mode": E(["day", "night", "off"])}, ["mode"]),
 T("co2_valve", "Open or close the CO2 solenoid", {"open": B("true to open")}, ["open"]),
 T("water_temp", "Report the aquarium water temperature"),
]
sets.append((aquarium, [
 ("feed the fish", [C("feed_fish")]),
 ("give the fish two portions", [C("feed_fish", portions=2)]),
 ("switch the tank light to night mode", [C("aquarium_light", mode="night")]),
 ("tank lights off", [C("aquarium_light", mode="off")]),
 ("daylight in the aquarium please", [C("aquarium_light", mode="day")]),
 ("open the co2", [C("co2_valve", open=True)]),
 ("shut off the carbon dioxide", [C("co2_valve", open=False)]),
 ("how warm is the tank", [C("water_temp")]),
 ("what temperature is the water", [C("water_temp")]),
 ("the neon tetras are so pretty", []),
 ("clean the filter", []),
]))
van = [
 T("water_pump", "Switch the fresh water pump", {"state": E(["on", "off"])}, ["state"]),
 T("awning", "Move the awning", {"action": E(["extend", "retract"])}, ["action"]),
 T("battery_status", "Leisure battery charge and voltage"),
 T("set_heater", "Set the diesel heater", {"temperature": N("target in celsius"), "mode": E(["eco", "boost"])}, ["temperature"]),
 T("interior_lights", "Dim the van's interior lights", {"zone": E(["cab", "galley", "bed"]), "brightness": I("percent", 0, 100)}, ["zone", "brightness"]),
]
sets.append((van, [
 ("turn the water pump on", [C("water_pump", state="on")]),
 ("i want a shower", [C("water_pump", state="on")]),
 ("pump off", [C("water_pump", state="off")]),
 ("put the awning out", [C("awning", action="extend")]),
 ("bring the awning in it's getting windy", [C("awning", action="retract")]),
 ("how's the battery", [C("battery_status")]),
 ("how much charge do we have left", [C("battery_status")]),
 ("heater to nineteen", [C("set_heater", temperature=19)]),
 ("set the heater to twenty one in boost", [C("set_heater", temperature=21, mode="boost")]),
 ("galley lights to forty percent", [C("interior_lights", zone="galley", brightness=40)]),
 ("dim the bed lights to ten", [C("interior_lights", zone="bed", brightness=10)]),
 ("cab lights full", [C("interior_lights", zone="cab", brightness=100)]),
 ("where should we camp tonight", []),
 ("the view here is amazing", []),
]))
bakery = [
 T("take_number", "Print a queue ticket for a counter", {"counter": E(["bread", "cakes", "coffee"])}, ["counter"]),
 T("show_menu", "Show a menu section on the screen", {"section": E(["breakfast", "lunch", "drinks"])}, ["section"]),
 T("call_assistant", "Call a member of staff to the kiosk", {"reason": S("why help is needed")}, []),
 T("loyalty_balance", "Show the customer's loyalty points"),
]
sets.append((bakery, [
 ("i'd like a ticket for bread", [C("take_number", counter="bread")]),
 ("coffee queue please", [C("take_number", counter="coffee")]),
 ("can i get a number for the cake counter", [C("take_number", counter="cakes")]),
 ("what's for lunch", [C("show_menu", section="lunch")]),
 ("show me the drinks", [C("show_menu", section="drinks")]),
 ("do you do breakfast", [C("show_menu", section="breakfast")]),
 ("can someone help me", [C("call_assistant")]),
 ("i need help my card was declined", [C("call_assistant", reason="my card was declined")]),
 ("how many points do i have", [C("loyalty_balance")]),
 ("these croissants smell lovely", []),
 ("where are the toilets", []),
]))
nodered = [
 T("setLight", "Switch or dim a light", {"room": S("room name"), "on": B("true for on"), "level": I("brightness percent", 0, 100)}, ["room", "on"]),
 T("openBlinds", "Open the blinds", {"room": S("room name"), "percent": I("how far open", 0, 100)}, ["room"]),
 T("playPlaylist", "Play a playlist on the speakers", {"playlist": S("playlist name")}, ["playlist"]),
 T("setTimer", "Start a countdown timer", {"seconds": I("duration in seconds"), "label": S("what the timer is for")}, ["seconds"]),
 T("addToShopping", "Add an item to the shopping list", {"item": S("the item")}, ["item"]),
 T("whatsTheWeather", "Weather forecast", {"day": E(["today", "tomorrow"])}, []),
]
sets.append((nodered, [
 ("turn on the light in the study", [C("setLight", room="study", on=True)]),
 ("lights off in the hallway", [C("setLight", room="hallway", on=False)]),
 ("dim the lounge to twenty percent", [C("setLight", room="lounge", on=True, level=20)]),
 ("open the blinds in the bedroom", [C("openBlinds", room="bedroom")]),
 ("let some light into the kitchen", [C("openBlinds", room="kitchen")]),
 ("play my chill playlist", [C("playPlaylist", playlist="chill")]),
 ("put on the workout playlist", [C("playPlaylist", playlist="workout")]),
 ("set a timer for five minutes", [C("setTimer", seconds=300)]),
 ("timer twelve minutes for the pasta", [C("setTimer", seconds=720, label="pasta")]),
 ("we're out of butter", [C("addToShopping", item="butter")]),
 ("add eggs to the shopping list", [C("addToShopping", item="eggs")]),
 ("will it rain tomorrow", [C("whatsTheWeather", day="tomorrow")]),
 ("what's the weather like", [C("whatsTheWeather")]),
 ("i love this song", []),
 ("call my mum", []),
 ("good night", []),
]))
office = [
 T("projector", "Projector power", {"power": E(["on", "off"])}, ["power"]),
 T("screen", "Raise or lower the projection screen", {"direction": E(["up", "down"])}, ["direction"]),
 T("extend_booking", "Extend this room's booking", {"duration_seconds": I("extra time in seconds")}, ["duration_seconds"]),
 T("call_reception", "Ring the front desk"),
 T("room_climate", "Meeting room air conditioning", {"setpoint": N("celsius")}, ["setpoint"]),
]
sets.append((office, [
 ("turn on the projector", [C("projector", power="on")]),
 ("projector off we're done", [C("projector", power="off")]),
 ("lower the screen", [C("screen", direction="down")]),
 ("put the screen away", [C("screen", direction="up")]),
 ("we need this room for another half hour", [C("extend_booking", duration_seconds=1800)]),
 ("extend the booking by fifteen minutes", [C("extend_booking", duration_seconds=900)]),
 ("get me the front desk", [C("call_reception")]),
 ("our visitor has arrived can you call reception", [C("call_reception")]),
 ("set the air con to twenty two", [C("room_climate", setpoint=22)]),
 ("it's stuffy in here make it twenty degrees", [C("room_climate", setpoint=20)]),
 ("next slide please", []),
 ("who's presenting next", []),
]))
warehouse = [
 T("dock_door", "Open or close a loading dock door", {"door": I("dock number", 1, 8), "action": E(["open", "close"])}, ["door", "action"]),
 T("conveyor", "Run or stop a conveyor", {"belt": E(["inbound", "outbound", "sorter"]), "state": E(["run", "stop"])}, ["belt", "state"]),
 T("forklift_charge", "Charging status of the forklift fleet"),
 T("page_supervisor", "Page the shift supervisor with a message", {"message": S("message text")}, ["message"]),
]
sets.append((warehouse, [
 ("open dock door three", [C("dock_door", door=3, action="open")]),
 ("close door number seven", [C("dock_door", door=7, action="close")]),
 ("start the sorter", [C("conveyor", belt="sorter", state="run")]),
 ("stop the inbound belt", [C("conveyor", belt="inbound", state="stop")]),
 ("run outbound", [C("conveyor", belt="outbound", state="run")]),
 ("are the forklifts charged", [C("forklift_charge")]),
 ("page the supervisor truck at door two is late", [C("page_supervisor", message="truck at door two is late")]),
 ("tell the supervisor we need more pallets", [C("page_supervisor", message="we need more pallets")]),
 ("stop the sorter and close dock door one", [C("conveyor", belt="sorter", state="stop"), C("dock_door", door=1, action="close")]),
 ("it's cold on the floor today", []),
 ("what time is my break", []),
]))

# ---- second batch (written after the rules chosen on the first; confirms them) ----
pool = [
 T("pool_pump", "Pool circulation pump", {"speed": E(["off", "low", "high"])}, ["speed"]),
 T("spa_heater", "Heat the hot tub to a temperature", {"target": N("degrees celsius")}, ["target"]),
 T("pool_cover", "Open or close the automatic pool cover", {"open": B("true to open the cover")}, ["open"]),
 T("pool_lights", "Underwater lights", {"color": E(["blue", "green", "white", "rainbow"])}, ["color"]),
 T("chlorine_level", "Read the chlorine level"),
]
sets.append((pool, [
 ("pool pump on high", [C("pool_pump", speed="high")]),
 ("turn the pool pump off", [C("pool_pump", speed="off")]),
 ("heat the hot tub to thirty eight", [C("spa_heater", target=38)]),
 ("spa to thirty seven point five degrees", [C("spa_heater", target=37.5)]),
 ("close the pool cover", [C("pool_cover", open=False)]),
 ("uncover the pool", [C("pool_cover", open=True)]),
 ("make the pool lights blue", [C("pool_lights", color="blue")]),
 ("rainbow mode for the underwater lights", [C("pool_lights", color="rainbow")]),
 ("what's the chlorine at", [C("chlorine_level")]),
 ("is the pool safe to swim", []),
 ("the kids had fun today", []),
 ("close the cover and switch off the pump", [C("pool_cover", open=False), C("pool_pump", speed="off")]),
]))
hotel = [
 T("room_temperature", "Set the guest room thermostat", {"celsius": I("temperature", 16, 28)}, ["celsius"]),
 T("curtains", "Open or close the curtains", {"position": E(["open", "closed"])}, ["position"]),
 T("do_not_disturb", "Toggle the do not disturb sign", {"enabled": B("true to show the sign")}, ["enabled"]),
 T("order_room_service", "Order an item from room service", {"item": S("what to order"), "quantity": I("how many", 1, 10)}, ["item"]),
 T("wake_up_call", "Book a wake-up call", {"time": S("time HH:MM")}, ["time"]),
 T("request_housekeeping", "Ask housekeeping to clean the room"),
]
sets.append((hotel, [
 ("set the room to twenty one degrees", [C("room_temperature", celsius=21)]),
 ("close the curtains", [C("curtains", position="closed")]),
 ("open the drapes please", [C("curtains", position="open")]),
 ("please don't disturb us", [C("do_not_disturb", enabled=True)]),
 ("turn off do not disturb", [C("do_not_disturb", enabled=False)]),
 ("i'd like two club sandwiches", [C("order_room_service", item="club sandwiches", quantity=2)]),
 ("can you send up a pot of tea", [C("order_room_service", item="pot of tea")]),
 ("wake me up at six thirty", [C("wake_up_call", time="06:30")]),
 ("i need a wake up call at seven fifteen", [C("wake_up_call", time="07:15")]),
 ("can someone clean the room", [C("request_housekeeping")]),
 ("we need fresh towels", [C("request_housekeeping")]),
 ("what time is checkout", []),
 ("the bed is really comfortable", []),
]))
barn = [
 T("barn_fans", "Ventilation fans in the barn", {"state": E(["on", "off"]), "speed": I("percent", 0, 100)}, ["state"]),
 T("water_trough", "Fill a water trough", {"trough": E(["north", "south"])}, ["trough"]),
 T("feeder", "Run the feed auger for a number of seconds", {"seconds": I("run time in seconds", 1, 600)}, ["seconds"]),
 T("barn_door", "Open or close the main barn door", {"action": E(["open", "close"])}, ["action"]),
 T("milk_tank_temp", "Temperature of the milk cooling tank"),
]
sets.append((barn, [
 ("fans on in the barn", [C("barn_fans", state="on")]),
 ("barn fans to sixty percent", [C("barn_fans", state="on", speed=60)]),
 ("kill the fans", [C("barn_fans", state="off")]),
 ("fill the north trough", [C("water_trough", trough="north")]),
 ("the cows on the south side need water", [C("water_trough", trough="south")]),
 ("run the feeder for two minutes", [C("feeder", seconds=120)]),
 ("feed them for thirty seconds", [C("feeder", seconds=30)]),
 ("shut the barn door", [C("barn_door", action="close")]),
 ("open up the barn", [C("barn_door", action="open")]),
 ("how cold is the milk tank", [C("milk_tank_temp")]),
 ("that calf is getting big", []),
 ("call the vet", []),
]))
library = [
 T("find_book", "Search the catalogue for a book", {"title": S("book title or author")}, ["title"]),
 T("renew_loans", "Renew the books on the member's card"),
 T("room_booking", "Book a study room", {"room": E(["quiet_room", "group_room_a", "group_room_b"]), "hours": I("how many hours", 1, 4)}, ["room"]),
 T("print_receipt", "Print a receipt of current loans"),
 T("help_desk", "Call a librarian to this kiosk"),
]
sets.append((library, [
 ("do you have the hobbit", [C("find_book", title="the hobbit")]),
 ("look for books by terry pratchett", [C("find_book", title="terry pratchett")]),
 ("renew my books", [C("renew_loans")]),
 ("can i keep my books longer", [C("renew_loans")]),
 ("book the quiet room for two hours", [C("room_booking", room="quiet_room", hours=2)]),
 ("i need group room a", [C("room_booking", room="group_room_a")]),
 ("print me a receipt", [C("print_receipt")]),
 ("i'd like a librarian", [C("help_desk")]),
 ("where's the bathroom", []),
 ("this place is so quiet", []),
]))
ev = [
 T("start_charging", "Start charging the car"),
 T("stop_charging", "Stop charging the car"),
 T("charge_limit", "Set the charge limit", {"percent": I("battery percent limit", 50, 100)}, ["percent"]),
 T("car_battery", "Current battery level of the car"),
 T("precondition", "Warm up or cool down the cabin before a trip", {"temperature": N("cabin temperature celsius")}, []),
]
sets.append((ev, [
 ("start charging the car", [C("start_charging")]),
 ("plug in and charge", [C("start_charging")]),
 ("stop charging", [C("stop_charging")]),
 ("that's enough charge for today", [C("stop_charging")]),
 ("set the charge limit to eighty percent", [C("charge_limit", percent=80)]),
 ("only charge to ninety", [C("charge_limit", percent=90)]),
 ("how much battery does the car have", [C("car_battery")]),
 ("warm up the car", [C("precondition")]),
 ("get the car to twenty degrees before i leave", [C("precondition", temperature=20)]),
 ("i love this car", []),
 ("how far is it to grandma's", []),
]))
carecall = [
 T("call_nurse", "Call the nurse to this room", {"urgency": E(["routine", "urgent"])}, ["urgency"]),
 T("bed_position", "Raise or lower the head of the bed", {"direction": E(["up", "down"])}, ["direction"]),
 T("reading_light", "Switch the reading light", {"on": B("true for on")}, ["on"]),
 T("tv_channel", "Change the TV channel", {"channel": I("channel number", 1, 99)}, ["channel"]),
]
sets.append((carecall, [
 ("i need a nurse", [C("call_nurse", urgency="routine")]),
 ("help quickly i fell", [C("call_nurse", urgency="urgent")]),
 ("raise my bed", [C("bed_position", direction="up")]),
 ("lower the head of the bed", [C("bed_position", direction="down")]),
 ("reading light on", [C("reading_light", on=True)]),
 ("turn the light off i want to sleep", [C("reading_light", on=False)]),
 ("put on channel seven", [C("tv_channel", channel=7)]),
 ("channel twenty three please", [C("tv_channel", channel=23)]),
 ("what's for dinner tonight", []),
 ("my daughter is visiting tomorrow", []),
]))
hass = [
 T("HassTurnOn", "Turns on/opens a device or entity", {"name": S("Name of a device or entity"), "area": S("Name of an area")}, []),
 T("HassTurnOff", "Turns off/closes a device or entity", {"name": S("Name of a device or entity"), "area": S("Name of an area")}, []),
 T("HassLightSet", "Sets the brightness or color of a light", {"area": S("Name of an area"), "brightness": I("Brightness percentage", 0, 100), "color": S("Color name")}, []),
 T("HassStartTimer", "Starts a timer", {"seconds": I("Timer duration in seconds"), "name": S("Name of the timer")}, []),
 T("HassShoppingListAddItem", "Adds an item to the shopping list", {"item": S("Item to add")}, ["item"]),
 T("HassGetWeather", "Gets the current weather"),
 T("HassNevermind", "Does nothing; used to cancel a request"),
]
sets.append((hass, [
 ("turn on the porch light", [C("HassTurnOn", name="porch light")]),
 ("switch off the heater in the garage", [C("HassTurnOff", name="heater", area="garage")]),
 ("open the garage door", [C("HassTurnOn", name="garage door")]),
 ("kitchen lights to fifty percent", [C("HassLightSet", area="kitchen", brightness=50)]),
 ("make the bedroom red", [C("HassLightSet", area="bedroom", color="red")]),
 ("start a ten minute timer for the eggs", [C("HassStartTimer", seconds=600, name="eggs")]),
 ("put toothpaste on the shopping list", [C("HassShoppingListAddItem", item="toothpaste")]),
 ("is it cold outside", [C("HassGetWeather")]),
 ("never mind", [C("HassNevermind")]),
 ("thanks that's all", []),
 ("tell me a joke", []),
]))


# ---- third batch (written after the rules chosen on the first two; confirms them) ----
tasmota = [
 T("tasmota_power", "Switch a Tasmota plug", {"device": E(["kettle", "heater", "christmas_tree", "dehumidifier"]), "power": E(["ON", "OFF", "TOGGLE"])}, ["device", "power"]),
 T("tasmota_dimmer", "Set a Tasmota dimmer", {"device": E(["hall_lamp", "desk_lamp"]), "dimmer": I("0-100", 0, 100)}, ["device", "dimmer"]),
 T("energy_today", "Energy used today by a plug in kWh", {"device": E(["kettle", "heater", "dehumidifier"])}, ["device"]),
]
sets.append((tasmota, [
 ("switch the kettle on", [C("tasmota_power", device="kettle", power="ON")]),
 ("christmas tree off", [C("tasmota_power", device="christmas_tree", power="OFF")]),
 ("toggle the dehumidifier", [C("tasmota_power", device="dehumidifier", power="TOGGLE")]),
 ("desk lamp to forty", [C("tasmota_dimmer", device="desk_lamp", dimmer=40)]),
 ("dim the hall lamp to ten percent", [C("tasmota_dimmer", device="hall_lamp", dimmer=10)]),
 ("how much power has the heater used today", [C("energy_today", device="heater")]),
 ("turn on the heater and the christmas tree", [C("tasmota_power", device="heater", power="ON")]),
 ("the kettle is broken", []),
 ("i'm making tea", []),
]))
z2m = [
 T("zigbee_set", "Publish a state to a zigbee2mqtt device", {"friendly_name": S("device friendly name"), "state": E(["ON", "OFF"]), "brightness": I("0-254", 0, 254)}, ["friendly_name", "state"]),
 T("zigbee_scene", "Recall a zigbee scene", {"scene": E(["movie", "dinner", "bright", "nightlight"])}, ["scene"]),
 T("read_sensor", "Read a zigbee sensor", {"sensor": E(["bathroom_humidity", "fridge_temperature", "front_door_contact"])}, ["sensor"]),
]
sets.append((z2m, [
 ("turn on the sofa lamp", [C("zigbee_set", friendly_name="sofa lamp", state="ON")]),
 ("switch off the bedside light", [C("zigbee_set", friendly_name="bedside light", state="OFF")]),
 ("movie time", [C("zigbee_scene", scene="movie")]),
 ("dinner scene please", [C("zigbee_scene", scene="dinner")]),
 ("is the front door shut", [C("read_sensor", sensor="front_door_contact")]),
 ("how cold is the fridge", [C("read_sensor", sensor="fridge_temperature")]),
 ("is the bathroom steamy", [C("read_sensor", sensor="bathroom_humidity")]),
 ("i'm watching a film tonight", []),
 ("zigbee is great", []),
]))
restaurant = [
 T("call_waiter", "Call a waiter to the table", {"table": I("table number", 1, 40)}, []),
 T("request_bill", "Ask for the bill", {"split": I("number of ways to split", 1, 12)}, []),
 T("order_drink", "Order a drink", {"drink": E(["water", "cola", "lemonade", "beer", "wine", "coffee"]), "count": I("how many", 1, 10)}, ["drink"]),
 T("allergen_info", "Show allergen information for a dish", {"dish": S("dish name")}, ["dish"]),
]
sets.append((restaurant, [
 ("can we get the bill", [C("request_bill")]),
 ("check please split three ways", [C("request_bill", split=3)]),
 ("two beers please", [C("order_drink", drink="beer", count=2)]),
 ("a glass of water", [C("order_drink", drink="water")]),
 ("could we have some more wine", [C("order_drink", drink="wine")]),
 ("excuse me waiter", [C("call_waiter")]),
 ("we need someone at table twelve", [C("call_waiter", table=12)]),
 ("does the lasagne have nuts", [C("allergen_info", dish="lasagne")]),
 ("is the pad thai gluten free", [C("allergen_info", dish="pad thai")]),
 ("this food is delicious", []),
 ("where did you get these chairs", []),
]))
line = [
 T("station_start", "Start a station on the assembly line", {"station": I("station number", 1, 12)}, ["station"]),
 T("station_stop", "Stop a station on the assembly line", {"station": I("station number", 1, 12)}, ["station"]),
 T("andon", "Raise an andon alert", {"station": I("station number", 1, 12), "reason": E(["quality", "material", "maintenance", "safety"])}, ["reason"]),
 T("line_speed", "Set the conveyor speed in metres per minute", {"speed": N("metres per minute")}, ["speed"]),
 T("count_today", "Parts produced today"),
]
sets.append((line, [
 ("start station four", [C("station_start", station=4)]),
 ("stop station eleven", [C("station_stop", station=11)]),
 ("station seven is out of material", [C("andon", station=7, reason="material")]),
 ("safety issue at station two", [C("andon", station=2, reason="safety")]),
 ("we need maintenance", [C("andon", reason="maintenance")]),
 ("line speed twelve point five", [C("line_speed", speed=12.5)]),
 ("slow the line to eight metres per minute", [C("line_speed", speed=8)]),
 ("how many parts have we made today", [C("count_today")]),
 ("what's the count", [C("count_today")]),
 ("shift ends at six", []),
 ("my gloves are torn", []),
]))
garden = [
 T("sprinkler", "Run a sprinkler zone", {"zone": E(["lawn", "roses", "vegetables"]), "minutes": I("run time in minutes", 1, 60)}, ["zone"]),
 T("garden_lights", "Garden lighting", {"on": B("true for on")}, ["on"]),
 T("rain_today", "How much rain fell today"),
 T("pond_pump", "Switch the pond pump", {"state": E(["on", "off"])}, ["state"]),
]
sets.append((garden, [
 ("water the lawn for fifteen minutes", [C("sprinkler", zone="lawn", minutes=15)]),
 ("run the roses sprinkler", [C("sprinkler", zone="roses")]),
 ("the vegetables need water for half an hour", [C("sprinkler", zone="vegetables", minutes=30)]),
 ("garden lights on", [C("garden_lights", on=True)]),
 ("switch off the lights in the garden", [C("garden_lights", on=False)]),
 ("did it rain today", [C("rain_today")]),
 ("pond pump off", [C("pond_pump", state="off")]),
 ("start the fountain", [C("pond_pump", state="on")]),
 ("the roses smell lovely", []),
 ("i should mow the lawn", []),
]))
workshop = [
 T("compressor", "Air compressor power", {"on": B("true to run")}, ["on"]),
 T("extractor_fan", "Fume extractor speed", {"speed": E(["off", "low", "medium", "high"])}, ["speed"]),
 T("bench_light", "Bench light brightness", {"percent": I("brightness", 0, 100)}, ["percent"]),
 T("timer", "Start a countdown", {"seconds": I("duration in seconds")}, ["seconds"]),
 T("shopping_add", "Add to the workshop shopping list", {"item": S("item")}, ["item"]),
]
sets.append((workshop, [
 ("fire up the compressor", [C("compressor", on=True)]),
 ("compressor off", [C("compressor", on=False)]),
 ("extractor on high", [C("extractor_fan", speed="high")]),
 ("turn the fume extractor down to low", [C("extractor_fan", speed="low")]),
 ("bench light to eighty percent", [C("bench_light", percent=80)]),
 ("brighter bench light full power", [C("bench_light", percent=100)]),
 ("countdown three minutes for the glue", [C("timer", seconds=180)]),
 ("we need more sandpaper", [C("shopping_add", item="sandpaper")]),
 ("add wood glue to the list", [C("shopping_add", item="wood glue")]),
 ("this chair is nearly done", []),
 ("where did i put the hammer", []),
]))


# ---- fourth batch (written after every rule of this stop; a last check against the session start) ----
kitchen = [
 T("oven", "Preheat or switch off the oven", {"action": E(["preheat", "off"]), "temperature": I("degrees celsius", 50, 250)}, ["action"]),
 T("coffee", "Make a coffee", {"drink": E(["espresso", "latte", "cappuccino", "americano"]), "cups": I("number of cups", 1, 4)}, ["drink"]),
 T("dishwasher", "Start the dishwasher", {"program": E(["eco", "quick", "intensive"])}, ["program"]),
 T("kitchen_timer", "Kitchen countdown timer", {"seconds": I("duration in seconds")}, ["seconds"]),
 T("fridge_temp", "Fridge temperature reading"),
]
sets.append((kitchen, [
 ("preheat the oven to one eighty", [C("oven", action="preheat", temperature=180)]),
 ("turn the oven off", [C("oven", action="off")]),
 ("make me a latte", [C("coffee", drink="latte")]),
 ("two espressos please", [C("coffee", drink="espresso", cups=2)]),
 ("run the dishwasher on eco", [C("dishwasher", program="eco")]),
 ("quick wash for the dishes", [C("dishwasher", program="quick")]),
 ("set a timer for twenty minutes", [C("kitchen_timer", seconds=1200)]),
 ("is the fridge cold enough", [C("fridge_temp")]),
 ("dinner was lovely", []),
 ("what should we cook tonight", []),
]))
security = [
 T("alarm_system", "Arm or disarm the house alarm", {"mode": E(["away", "home", "disarmed"])}, ["mode"]),
 T("camera_snapshot", "Take a picture from a camera", {"camera": E(["driveway", "back_door", "nursery"])}, ["camera"]),
 T("door_lock", "Lock or unlock a door", {"door": E(["front", "back", "garage"]), "locked": B("true to lock")}, ["door", "locked"]),
 T("siren", "Sound or silence the siren", {"on": B("true to sound")}, ["on"]),
]
sets.append((security, [
 ("arm the alarm we're leaving", [C("alarm_system", mode="away")]),
 ("disarm the alarm", [C("alarm_system", mode="disarmed")]),
 ("we're home for the night set the alarm to home", [C("alarm_system", mode="home")]),
 ("show me the driveway", [C("camera_snapshot", camera="driveway")]),
 ("who's at the back door", [C("camera_snapshot", camera="back_door")]),
 ("lock the front door", [C("door_lock", door="front", locked=True)]),
 ("unlock the garage", [C("door_lock", door="garage", locked=False)]),
 ("silence the siren", [C("siren", on=False)]),
 ("i heard a noise outside", []),
 ("the neighbours are on holiday", []),
]))
kids = [
 T("night_light", "Kids' night light", {"color": E(["red", "blue", "green", "orange"]), "brightness": I("percent", 0, 100)}, ["color"]),
 T("white_noise", "Play white noise in the nursery", {"sound": E(["rain", "ocean", "fan"]), "minutes": I("how long in minutes", 5, 120)}, ["sound"]),
 T("nursery_temp", "Nursery temperature"),
 T("story", "Play a bedtime story", {"title": S("story title")}, []),
]
sets.append((kids, [
 ("night light orange", [C("night_light", color="orange")]),
 ("make the night light blue and dim it to twenty percent", [C("night_light", color="blue", brightness=20)]),
 ("play rain sounds for half an hour", [C("white_noise", sound="rain", minutes=30)]),
 ("ocean noise please", [C("white_noise", sound="ocean")]),
 ("is the baby's room too warm", [C("nursery_temp")]),
 ("play the gruffalo", [C("story", title="the gruffalo")]),
 ("tell a bedtime story", [C("story")]),
 ("she finally fell asleep", []),
 ("he has a cold", []),
]))
itdesk = [
 T("reset_password", "Start a password reset for a user", {"username": S("user name")}, ["username"]),
 T("print_job", "Release a print job", {"copies": I("number of copies", 1, 50), "color": B("true for colour")}, []),
 T("book_desk", "Book a hot desk", {"floor": I("floor number", 1, 6)}, ["floor"]),
 T("report_issue", "Report an IT issue", {"description": S("what is wrong")}, ["description"]),
 T("wifi_guest", "Create a guest wifi code"),
]
sets.append((itdesk, [
 ("reset the password for jsmith", [C("reset_password", username="jsmith")]),
 ("print three copies in colour", [C("print_job", copies=3, color=True)]),
 ("release my print job", [C("print_job")]),
 ("book me a desk on floor four", [C("book_desk", floor=4)]),
 ("my laptop won't turn on", [C("report_issue", description="my laptop won't turn on")]),
 ("the projector in room two is broken", [C("report_issue", description="the projector in room two is broken")]),
 ("i need a guest wifi code", [C("wifi_guest")]),
 ("nice weather today", []),
 ("where is the canteen", []),
]))

print(write_sets(__file__, "handwritten-dev.jsonl", "handwritten", sets))
