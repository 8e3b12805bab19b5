-- KEYS: user set. ARGV: key prefix. Returns every record of the user as {field, value, ...} lists;
-- ids whose record has expired are dropped from the set on the way.
local out = {}
for _, sid in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local r = redis.call('HGETALL', session_key(ARGV[1], sid))
  if #r == 0 then
    redis.call('SREM', KEYS[1], sid)
  else
    table.insert(out, r)
  end
end
return out
