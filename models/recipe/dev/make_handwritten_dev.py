# Writes handwritten-dev.jsonl: tool sets and utterances written by hand for choosing router rules
# (a development set: never the test files). Run: python3 models/recipe/dev/make_handwritten_dev.py
import json
def T(name, desc, props=None, req=None):
    return {"name": name, "description": desc, "parameters": {"type": "object", "properties": props or {}, "required": req or []}}
def E(vals, d=None):
    p = {"type": "string", "enum": vals}
    if d: p["description"] = d
    return p
def S(d): return {"type": "string", "description": d}
def I(d, lo=None, hi=None):
    p = {"type": "integer", "description": d}
    if lo is not None: p["minimum"] = lo
    if hi is not None: p["maximum"] = hi
    return p
def N(d): return {"type": "number", "description": d}
def B(d): return {"type": "boolean", "description": d}
def C(name, **a): return {"name": name, "arguments": a}

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
import os
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "handwritten-dev.jsonl")
with open(out, "w") as f:
    n = 0
    for tools, rows in sets:
        for q, a in rows:
            f.write(json.dumps({"query": q, "tools": tools, "answers": a, "meta": {"kind": "handwritten", "families": [tools[0]["name"]]}}) + "\n"); n += 1
print(n)
