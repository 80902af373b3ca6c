"""Reads a staff calendar feed with Debian's python3-icalendar (a parser nobody here wrote) and prints its events as JSON."""
import json
import sys

from icalendar import Calendar

with open(sys.argv[1], "rb") as f:
    calendar = Calendar.from_ical(f.read())

events = [
    {"uid": str(e["UID"]), "dtstamp": e["DTSTAMP"].dt.isoformat(), "start": e["DTSTART"].dt.isoformat(),
     "end": e["DTEND"].dt.isoformat(), "status": str(e.get("STATUS", "")), "summary": str(e["SUMMARY"]),
     "location": str(e.get("LOCATION", "")), "description": str(e.get("DESCRIPTION", ""))}
    for e in calendar.walk("VEVENT")]
print(json.dumps({"name": str(calendar.get("X-WR-CALNAME", "")), "events": events}, ensure_ascii=False))
