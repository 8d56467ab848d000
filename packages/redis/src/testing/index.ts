export { sendRedisCommand, type RedisReply } from './send-redis-command.js';
export { startRedisServer, type TestRedisServer } from './start-redis-server.js';
