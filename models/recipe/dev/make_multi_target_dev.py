# Writes multi-target-dev.jsonl: commands that name several targets of one tool ("turn on the kitchen
# and bedroom lights": set_light twice), beside single-target and two-tool commands on the same tool
# sets, written by hand for choosing the router's repeated-call rule (a development set: never the
# test files). Run: python3 models/recipe/dev/make_multi_target_dev.py
import json
import os
def T(name, desc, props, req): return {"name": name, "description": desc, "parameters": {"type": "object", "properties": props, "required": req}}
E = lambda vals, d=None: ({"type": "string", "enum": vals, **({"description": d} if d else {})})
home = [
  T("set_light", "Turn a light on or off", {"room": E(["kitchen", "living_room", "bedroom", "hallway", "office"], "Which room"), "state": E(["on", "off"])}, ["room", "state"]),
  T("set_blinds", "Open or close the blinds", {"room": E(["kitchen", "living_room", "bedroom"]), "action": E(["open", "close"])}, ["room", "action"]),
  T("play_music", "Play music in a room", {"room": E(["kitchen", "living_room", "bedroom"])}, ["room"]),
]
plugs = [
  T("tasmota_power", "Switch a Tasmota plug", {"device": E(["kettle", "heater", "fan", "printer", "lamp"]), "power": E(["ON", "OFF"])}, ["device", "power"]),
  T("energy_today", "Energy a plug used today", {"device": E(["kettle", "heater", "fan", "printer", "lamp"])}, ["device"]),
  T("set_timer", "Start a countdown", {"seconds": {"type": "integer"}}, ["seconds"]),
]
line = [
  T("conveyor", "Start or stop a conveyor belt", {"belt": E(["belt_1", "belt_2", "belt_3"]), "command": E(["start", "stop"])}, ["belt", "command"]),
  T("andon", "Raise an andon light at a station", {"station": {"type": "integer", "minimum": 1, "maximum": 12}, "color": E(["red", "yellow", "green"])}, ["station", "color"]),
  T("page_supervisor", "Page the shift supervisor", {"message": {"type": "string"}}, ["message"]),
]
doors = [
  T("lock", "Lock or unlock a door", {"door": E(["front_door", "back_door", "garage_door"]), "locked": {"type": "boolean"}}, ["door", "locked"]),
  T("camera_snapshot", "Take a still from a camera", {"camera": E(["front_door", "driveway", "garden"])}, ["camera"]),
]
L = lambda room, st: {"name": "set_light", "arguments": {"room": room, "state": st}}
P = lambda dev, p: {"name": "tasmota_power", "arguments": {"device": dev, "power": p}}
C = lambda belt, c: {"name": "conveyor", "arguments": {"belt": belt, "command": c}}
K = lambda door, l: {"name": "lock", "arguments": {"door": door, "locked": l}}
rows = [
  (home, "turn on the kitchen and bedroom lights", [L("kitchen", "on"), L("bedroom", "on")]),
  (home, "switch off the lights in the hallway and the office", [L("hallway", "off"), L("office", "off")]),
  (home, "kitchen light on and living room light off", [L("kitchen", "on"), L("living_room", "off")]),
  (home, "turn off the bedroom light", [L("bedroom", "off")]),
  (home, "open the blinds in the kitchen and the bedroom", [{"name": "set_blinds", "arguments": {"room": "kitchen", "action": "open"}}, {"name": "set_blinds", "arguments": {"room": "bedroom", "action": "open"}}]),
  (home, "turn on the kitchen light and play music in the kitchen", [L("kitchen", "on"), {"name": "play_music", "arguments": {"room": "kitchen"}}]),
  (home, "close the living room blinds", [{"name": "set_blinds", "arguments": {"room": "living_room", "action": "close"}}]),
  (plugs, "turn on the kettle and the heater", [P("kettle", "ON"), P("heater", "ON")]),
  (plugs, "switch the fan off and the lamp on", [P("fan", "OFF"), P("lamp", "ON")]),
  (plugs, "turn off the printer", [P("printer", "OFF")]),
  (plugs, "how much did the heater use today", [{"name": "energy_today", "arguments": {"device": "heater"}}]),
  (plugs, "turn the heater off and tell me what the kettle used today", [P("heater", "OFF"), {"name": "energy_today", "arguments": {"device": "kettle"}}]),
  (line, "start belt one and belt two", [C("belt_1", "start"), C("belt_2", "start")]),
  (line, "stop conveyor three", [C("belt_3", "stop")]),
  (line, "stop belt two and start belt three", [C("belt_2", "stop"), C("belt_3", "start")]),
  (line, "red andon at station four", [{"name": "andon", "arguments": {"station": 4, "color": "red"}}]),
  (doors, "lock the front door and the back door", [K("front_door", True), K("back_door", True)]),
  (doors, "unlock the garage door", [K("garage_door", False)]),
  (doors, "lock the back door and show me the driveway camera", [K("back_door", True), {"name": "camera_snapshot", "arguments": {"camera": "driveway"}}]),
  (doors, "snapshot of the front door", [{"name": "camera_snapshot", "arguments": {"camera": "front_door"}}]),
]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "multi-target-dev.jsonl"), "w") as f:
    for tools, q, a in rows:
        f.write(json.dumps({"query": q, "tools": tools, "answers": a, "meta": {"kind": "handwritten", "families": sorted({c["name"] for c in a})}}) + "\n")
print(len(rows))
