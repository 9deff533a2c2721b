-- wrk script of `make bench`: requests the paths of a seeded tile list in order, each thread starting at its own
-- offset. TILE_LIST names the list (z/x/y per line); TILE_PREFIX and TILE_SUFFIX wrap each line into a URL path.
local prefix = os.getenv("TILE_PREFIX") or "/tiles/village_indicators/"
local suffix = os.getenv("TILE_SUFFIX") or ".mvt"
local list = os.getenv("TILE_LIST") or "bench/artifacts/tiles.txt"
local paths = {}
local position = 1
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 997)
end

function init(args)
  for line in io.lines(list) do
    paths[#paths + 1] = prefix .. line .. suffix
  end
  position = (offset or 0) % #paths + 1
end

function request()
  local path = paths[position]
  position = position % #paths + 1
  return wrk.format("GET", path)
end
