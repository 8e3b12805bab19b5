-- KEYS: session hash. Returns 1 if the session was live (not yet revoked), else 0.
local revoked = redis.call('HGET', KEYS[1], 'revoked')
if revoked ~= '0' then
  return 0
end
redis.call('HSET', KEYS[1], 'revoked', '1')
return 1
