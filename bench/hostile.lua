-- wrk script of `make bench` (scripts/bench-hostile.sh): the most expensive anonymous requests, in rotation: printed
-- maps (PDF atlas) and offline packages of a kabupaten, 2048 × 2048 WMS images, unbounded WFS GetFeature, a
-- 10,000-feature page, and oversized requests that must be refused at once (a whole-world package, a 5,000-value IN
-- list). KABUPATEN names a kabupaten code; BBOX its lon/lat box. Counts statuses; a 5xx other than 503, or a 503
-- without Retry-After, is a failure.
local kab = os.getenv("KABUPATEN") or "99.01"
local bbox = os.getenv("BBOX") or "114.4,-3.4,115.6,-2.0"
local paths = {}
local position = 1
local counter = 0
local threads = {}

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 3)
  table.insert(threads, thread)
end

function init(args)
  local minx, miny, maxx, maxy = bbox:match("([^,]+),([^,]+),([^,]+),([^,]+)")
  local wmsbox = string.format("%s,%s,%s,%s", miny, minx, maxy, maxx)
  local inlist = {}
  for i = 1, 5000 do inlist[i] = "1" end
  paths = {
    "/export/map?kabupaten_kode=" .. kab .. "&format=pdf&atlas=true",
    "/export/package?kabupaten_kode=" .. kab,
    "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=village_indicators&STYLES=&CRS=EPSG:4326&BBOX=" .. wmsbox ..
      "&WIDTH=2048&HEIGHT=2048&FORMAT=image/png",
    "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=desagis:village_indicators",
    "/collections/village_indicators/items?limit=10000",
    "/export/map?kabupaten_kode=" .. kab .. "&format=png&dpi=300&paper=a3",
    "/export/package?bbox=-180,-85,180,85",
    "/collections/village_indicators/items?filter=poverty_rate%20IN%20(" .. table.concat(inlist, "%2C") .. ")",
  }
  position = (offset or 0) % #paths + 1
  statuses = {}
  bad = 0
end

function request()
  local path = paths[position]
  position = position % #paths + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if (status >= 500 and status ~= 503) or (status == 503 and headers["Retry-After"] == nil) then bad = bad + 1 end
end

function done(summary, latency, requests)
  local total, failures = {}, 0
  for _, t in ipairs(threads) do
    local s = t:get("statuses")
    for code, n in pairs(s) do total[code] = (total[code] or 0) + n end
    failures = failures + t:get("bad")
  end
  local parts = {}
  for code, n in pairs(total) do parts[#parts + 1] = code .. "=" .. n end
  table.sort(parts)
  io.write("statuses " .. table.concat(parts, " ") .. "\n")
  io.write("bad " .. failures .. "\n")
end
