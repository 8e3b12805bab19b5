-- KEYS[1]: the account's window, KEYS[2]: the client's window.
-- ARGV: now (epoch ms), window (ms), failures allowed per account, failures allowed per client.
-- Counts one failed login against both; returns {account budget just spent, client budget just spent} as 1/0.
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
return {count_failure(KEYS[1], now, window, tonumber(ARGV[3])),
        count_failure(KEYS[2], now, window, tonumber(ARGV[4]))}
