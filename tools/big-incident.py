#!/usr/bin/env python3
"""Server time of a large incident's page against `./vigil up` (demo stack on localhost).

Opens an incident as the demo analyst, pins 200 events of the demo's CloudTrail source, adds comments until
the timeline holds 500 entries, then requests the incident's page and its API twice to warm up and ten times
more, printing the median and the largest. Usage: python3 tools/big-incident.py
"""
import json, time, urllib.request, urllib.parse, statistics, sys

BASE = "http://localhost:8080"
def token(user):
    data = urllib.parse.urlencode({"grant_type": "password", "client_id": "vigil",
        "client_secret": "vigil-dev-secret-do-not-use-in-production", "username": user,
        "password": user + "-demo", "scope": "openid"}).encode()
    with urllib.request.urlopen("http://localhost:8180/realms/vigil/protocol/openid-connect/token", data) as r:
        return json.load(r)["access_token"]
T = token("analyst")
def call(method, path, body=None, tok=None, raw=False):
    req = urllib.request.Request(BASE + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + (tok or T), "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        data = r.read()
        return data if raw else json.loads(data)
inc = call("POST", "/api/incidents", {"title": "Timing: 200 events, 500 timeline entries", "severity": "high", "type": "compromised_access_key"})
iid = inc["incident"]["id"]
page = call("GET", "/api/search?" + urllib.parse.urlencode({"q": "cloud.provider:aws", "from": "now-7d", "size": 200}))
events = page["events"]
print("events found", len(events))
for e in events:
    call("POST", f"/api/incidents/{iid}/events", {"index": e["index"], "id": e["id"]})
detail = call("GET", f"/api/incidents/{iid}")
n = len(detail["timeline"])
i = 0
while n < 500:
    call("POST", f"/api/incidents/{iid}/comments", {"body": f"Note {i}: checked **{e['id']}** in `search`."})
    i += 1; n += 1
detail = call("GET", f"/api/incidents/{iid}")
print("incident", iid, "events", len(detail["events"]), "timeline", len(detail["timeline"]),
      "observables", len(detail["observables"]), "comments", len(detail["comments"]))
for label, path, raw in [("page /incidents/{id}", f"/incidents/{iid}", True), ("api /api/incidents/{id}", f"/api/incidents/{iid}", False)]:
    times = []
    size = 0
    for _ in range(12):
        t0 = time.perf_counter(); body = call("GET", path, raw=True); times.append((time.perf_counter() - t0) * 1000); size = len(body)
    times = times[2:]
    print(f"{label}: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms over {len(times)} (after 2 warm-up), {size} bytes")
