# Writes new-configs-dev.jsonl: eight tool configurations no other set uses (a brewery, a clinic
# kiosk, a stage, a cold store, a hot tub, a classroom, a home cinema, a parking garage), each with
# phrasings written by hand before any was routed: commands, indirect requests, questions about
# state, chit-chat and requests for tools that are not offered. A blind development set for finding
# the router's general faults (never the test files).
# Run: python3 models/recipe/dev/make_new_configs_dev.py
from dev_schema import T, E, S, I, N, B, C, write_sets

sets = []
brewery = [
 T("set_fermenter_temp", "Set a fermenter's target temperature", {"fermenter": E(["fv1", "fv2", "fv3"]), "celsius": N("target in degrees celsius")}, ["fermenter", "celsius"]),
 T("transfer_pump", "Start or stop the wort transfer pump", {"running": B("true to pump")}, ["running"]),
 T("read_gravity", "Read the specific gravity of a fermenter", {"fermenter": E(["fv1", "fv2", "fv3"])}, ["fermenter"]),
 T("mash_timer", "Start a mash timer", {"minutes": I("length in minutes", 1, 180)}, ["minutes"]),
 T("glycol_chiller", "Switch the glycol chiller", {"power": E(["on", "off"])}, ["power"]),
]
sets.append((brewery, [
 ("set fermenter two to eighteen degrees", [C("set_fermenter_temp", fermenter="fv2", celsius=18)]),
 ("fv1 nineteen point five please", [C("set_fermenter_temp", fermenter="fv1", celsius=19.5)]),
 ("start pumping the wort", [C("transfer_pump", running=True)]),
 ("stop the transfer pump", [C("transfer_pump", running=False)]),
 ("what's the gravity on fermenter three", [C("read_gravity", fermenter="fv3")]),
 ("is the beer in fv1 done fermenting", [C("read_gravity", fermenter="fv1")]),
 ("mash for an hour", [C("mash_timer", minutes=60)]),
 ("turn the chiller off", [C("glycol_chiller", power="off")]),
 ("is the chiller running", []),
 ("this batch smells amazing", []),
 ("order more hops", []),
 ("chiller on and set fv3 to twelve degrees", [C("glycol_chiller", power="on"), C("set_fermenter_temp", fermenter="fv3", celsius=12)]),
]))
clinic = [
 T("check_in_patient", "Check a patient in for their appointment", {"surname": S("patient surname"), "birth_year": I("year of birth", 1900, 2026)}, ["surname"]),
 T("call_nurse", "Ask a nurse to come to the reception kiosk", {"urgent": B("true if urgent")}, []),
 T("show_wait_time", "Show the current waiting time on screen"),
 T("print_queue_ticket", "Print a numbered queue ticket", {"service": E(["blood_test", "pharmacy", "general"])}, ["service"]),
 T("set_language", "Change the kiosk language", {"lang": E(["en", "es", "pl", "ar"])}, ["lang"]),
]
sets.append((clinic, [
 ("i'm here for my appointment my name is kowalski", [C("check_in_patient", surname="kowalski")]),
 ("check in garcia born nineteen eighty two", [C("check_in_patient", surname="garcia", birth_year=1982)]),
 ("my husband just fainted", [C("call_nurse", urgent=True)]),
 ("could a nurse come over", [C("call_nurse")]),
 ("how long is the wait", [C("show_wait_time")]),
 ("i need a ticket for the pharmacy", [C("print_queue_ticket", service="pharmacy")]),
 ("i'm here for a blood test", [C("print_queue_ticket", service="blood_test")]),
 ("polish please", [C("set_language", lang="pl")]),
 ("where are the toilets", []),
 ("is the doctor in today", []),
 ("thanks for your help", []),
]))
stage = [
 T("recall_lighting_cue", "Go to a lighting cue number", {"cue": I("cue number", 1, 999)}, ["cue"]),
 T("fog_machine", "Run the fog machine for a number of seconds", {"seconds": I("burst length", 1, 60)}, ["seconds"]),
 T("mute_channel", "Mute or unmute a mixer channel", {"channel": I("channel number", 1, 32), "muted": B("true to mute")}, ["channel", "muted"]),
 T("house_lights", "Set the house lights level", {"level": I("percent", 0, 100)}, ["level"]),
 T("spotlight", "Point the follow spot at a stage position", {"position": E(["left", "centre", "right"])}, ["position"]),
]
sets.append((stage, [
 ("go to cue forty two", [C("recall_lighting_cue", cue=42)]),
 ("fog for five seconds", [C("fog_machine", seconds=5)]),
 ("mute channel seven", [C("mute_channel", channel=7, muted=True)]),
 ("unmute channel twelve", [C("mute_channel", channel=12, muted=False)]),
 ("bring the house lights down to ten percent", [C("house_lights", level=10)]),
 ("house lights out", [C("house_lights", level=0)]),
 ("spot on stage left", [C("spotlight", position="left")]),
 ("is channel three muted", []),
 ("great show tonight everyone", []),
 ("open the curtain", []),
 ("house lights to full and go to cue one", [C("house_lights", level=100), C("recall_lighting_cue", cue=1)]),
]))
coldstore = [
 T("set_setpoint", "Set a cold room's temperature setpoint", {"room": E(["freezer", "chiller", "blast"]), "temperature": N("degrees celsius")}, ["room", "temperature"]),
 T("start_defrost", "Start a defrost cycle", {"room": E(["freezer", "chiller", "blast"])}, ["room"]),
 T("acknowledge_alarm", "Acknowledge and silence the active alarm"),
 T("get_room_temperature", "Read a cold room's current temperature", {"room": E(["freezer", "chiller", "blast"])}, ["room"]),
 T("door_heater", "Switch a door frame heater", {"on": B("true to heat")}, ["on"]),
]
sets.append((coldstore, [
 ("set the freezer to minus twenty two", [C("set_setpoint", room="freezer", temperature=-22)]),
 ("chiller to three degrees", [C("set_setpoint", room="chiller", temperature=3)]),
 ("defrost the blast freezer", [C("start_defrost", room="blast")]),
 ("the freezer coil is iced up", [C("start_defrost", room="freezer")]),
 ("shut that alarm up", [C("acknowledge_alarm")]),
 ("how cold is the chiller", [C("get_room_temperature", room="chiller")]),
 ("what temperature is the freezer at", [C("get_room_temperature", room="freezer")]),
 ("the door is freezing shut", [C("door_heater", on=True)]),
 ("door heater off", [C("door_heater", on=False)]),
 ("is the alarm still going", []),
 ("we got a big delivery today", []),
 ("call the refrigeration engineer", []),
]))
hottub = [
 T("hot_tub_heater", "Set the hot tub water temperature", {"degrees": I("target in degrees celsius", 20, 40)}, ["degrees"]),
 T("jets", "Turn the massage jets on or off", {"state": E(["on", "off"]), "speed": E(["low", "high"])}, ["state"]),
 T("tub_lights", "Set the underwater light colour", {"color": E(["blue", "green", "red", "white", "cycle"])}, ["color"]),
 T("tub_cover", "Open or close the motorised cover", {"action": E(["open", "close"])}, ["action"]),
 T("water_temp", "Report the hot tub's water temperature"),
]
sets.append((hottub, [
 ("heat the tub to thirty eight", [C("hot_tub_heater", degrees=38)]),
 ("jets on high", [C("jets", state="on", speed="high")]),
 ("turn the bubbles off", [C("jets", state="off")]),
 ("make the lights blue", [C("tub_lights", color="blue")]),
 ("party colours in the tub", [C("tub_lights", color="cycle")]),
 ("open the cover", [C("tub_cover", action="open")]),
 ("how warm is the water", [C("water_temp")]),
 ("is the tub ready", [C("water_temp")]),
 ("is the cover open", []),
 ("the neighbours are having a barbecue", []),
 ("add chlorine", []),
 ("open the cover and put the jets on", [C("tub_cover", action="open"), C("jets", state="on")]),
]))
classroom = [
 T("ringBell", "Ring the school bell"),
 T("projectorPower", "Switch the classroom projector", {"on": B("true for on")}, ["on"]),
 T("setBlinds", "Move the classroom blinds", {"percentOpen": I("0 closed to 100 open", 0, 100)}, ["percentOpen"]),
 T("announce", "Make an announcement over the speakers", {"message": S("what to say"), "zone": E(["classroom", "hallway", "whole_school"])}, ["message"]),
 T("startQuizTimer", "Start a countdown for a quiz", {"seconds": I("length in seconds", 10, 3600)}, ["seconds"]),
]
sets.append((classroom, [
 ("ring the bell", [C("ringBell")]),
 ("it's break time", [C("ringBell")]),
 ("turn on the projector", [C("projectorPower", on=True)]),
 ("close the blinds so we can see the screen", [C("setBlinds", percentOpen=0)]),
 ("blinds halfway", [C("setBlinds", percentOpen=50)]),
 ("tell the whole school that the buses are late", [C("announce", message="the buses are late", zone="whole_school")]),
 ("announce lunch is ready", [C("announce", message="lunch is ready")]),
 ("give them five minutes for the quiz", [C("startQuizTimer", seconds=300)]),
 ("thirty second countdown", [C("startQuizTimer", seconds=30)]),
 ("is the projector on", []),
 ("who was the first president", []),
 ("the kids were great today", []),
]))
cinema = [
 T("projector_screen", "Lower or raise the projection screen", {"direction": E(["down", "up"])}, ["direction"]),
 T("amp_input", "Select the amplifier input", {"source": E(["bluray", "console", "streamer", "turntable"])}, ["source"]),
 T("amp_volume", "Set the amplifier volume", {"db": I("volume in dB below reference, 0 to 80", 0, 80)}, ["db"]),
 T("cinema_lights", "Set the cinema room lighting scene", {"scene": E(["movie", "intermission", "cleanup"])}, ["scene"]),
 T("popcorn_machine", "Switch the popcorn machine", {"on": B("on when true")}, ["on"]),
]
sets.append((cinema, [
 ("screen down", [C("projector_screen", direction="down")]),
 ("roll up the screen", [C("projector_screen", direction="up")]),
 ("switch to the playstation", [C("amp_input", source="console")]),
 ("put a record on", [C("amp_input", source="turntable")]),
 ("movie time", [C("cinema_lights", scene="movie")]),
 ("lights up for the break", [C("cinema_lights", scene="intermission")]),
 ("start the popcorn", [C("popcorn_machine", on=True)]),
 ("volume to minus twenty", [C("amp_volume", db=20)]),
 ("what film should we watch", []),
 ("pause the movie", []),
 ("that was a scary ending", []),
 ("screen down and switch to the blu ray", [C("projector_screen", direction="down"), C("amp_input", source="bluray")]),
]))
parking = [
 T("open_barrier", "Raise a car park barrier", {"lane": E(["entry", "exit"])}, ["lane"]),
 T("free_spaces", "Report the number of free spaces on a level", {"level": I("level number", -2, 4)}, []),
 T("set_sign", "Show a message on the entrance sign", {"text": S("text to show")}, ["text"]),
 T("ventilation", "Set the garage ventilation fans", {"speed": E(["off", "low", "high"])}, ["speed"]),
 T("validate_ticket", "Validate a parking ticket for free exit", {"ticket": S("ticket number")}, ["ticket"]),
]
sets.append((parking, [
 ("let the car out at the exit", [C("open_barrier", lane="exit")]),
 ("open the entry barrier", [C("open_barrier", lane="entry")]),
 ("how many spaces are free on level two", [C("free_spaces", level=2)]),
 ("is there room on minus one", [C("free_spaces", level=-1)]),
 ("put full on the sign", [C("set_sign", text="full")]),
 ("it smells of exhaust down here", [C("ventilation", speed="high")]),
 ("fans off", [C("ventilation", speed="off")]),
 ("validate ticket four four seven one", [C("validate_ticket", ticket="4471")]),
 ("is the barrier up", []),
 ("how much is parking for a day", []),
 ("i lost my car keys", []),
]))

print(write_sets(__file__, "new-configs-dev.jsonl", "new-configs", sets))
