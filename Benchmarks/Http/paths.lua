-- wrk script: GET a random path from the file named by PATHS (one path per line), with the API key in KEY.
local paths = {}
init = function(args)
  for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
end
request = function()
  return wrk.format("GET", paths[math.random(#paths)], { ["X-Api-Key"] = os.getenv("KEY") })
end
