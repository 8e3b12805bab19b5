-- SessionRecord.rotate as one atomic step.
-- KEYS: session hash, expiry zset.
-- ARGV: session id, presented jti, next jti, next iat, next exp, now, grace (ms), key prefix.
-- Returns {outcome} or {outcome, field, value, ...} with the record after the step.
local key = KEYS[1]
local function answer(outcome)
  local r = redis.call('HGETALL', key)
  table.insert(r, 1, outcome)
  return r
end

if redis.call('EXISTS', key) == 0 then
  return {'UNKNOWN'}
end
if redis.call('HGET', key, 'revoked') == '1' then
  return answer('REVOKED')
end
local f = redis.call('HMGET', key, 'currentJti', 'expiresAt', 'previousJti', 'rotatedAt', 'userId')
local current, expires_at, previous, rotated_at, user_id = f[1], tonumber(f[2]), f[3], f[4], f[5]
local presented, now = ARGV[2], tonumber(ARGV[6])
if now >= expires_at then
  return {'UNKNOWN'}
end
if presented == current then
  local next_exp = tonumber(ARGV[5])
  if next_exp <= now then
    return {'UNKNOWN'}
  end
  redis.call('HSET', key, 'previousJti', current, 'currentJti', ARGV[3], 'currentIssuedAt', ARGV[4],
    'expiresAt', ARGV[5], 'rotatedAt', ARGV[6], 'lastUsedAt', ARGV[6])
  redis.call('PEXPIREAT', key, ARGV[5])
  redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
  extend_index(user_key(ARGV[8], user_id), next_exp)
  return answer('ROTATED')
end
if previous and presented == previous and rotated_at and now < tonumber(rotated_at) + tonumber(ARGV[7]) then
  return answer('REISSUED')
end
redis.call('HSET', key, 'revoked', '1')
return answer('REUSE_DETECTED')
