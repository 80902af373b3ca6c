// Starts the telegram-test-api emulator on 127.0.0.1 for MamBot's tests and makes it answer like the real
// Bot API where our tests depend on it. Usage: node emulator.js <port>
// Prints "READY" when listening and "CALL <method>" for every Bot API call the bot makes.
'use strict';
const resultModule = require('telegram-test-api/lib/modules/sendResult');
const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2] || 9000);

// 1) Methods that answer `true` in Telegram answer `null` here; 2) every call is announced for the tests.
const originalResult = resultModule.sendResult;
resultModule.sendResult = (req, res, next) => originalResult(req, res, () => {
  const botCall = /^\/bot[^/]+\/([A-Za-z]+)$/.exec(req.path);
  if (botCall) console.log(`CALL ${botCall[1]}`);
  const json = res.json.bind(res);
  res.json = (body) => json(botCall && body && body.ok === true && body.result === null ? { ...body, result: true } : body);
  next();
});

// 3) sendMessage's `date` comes in milliseconds; Telegram uses seconds.
const addBotMessage = TelegramServer.prototype.addBotMessage;
TelegramServer.prototype.addBotMessage = function (raw, token) {
  const message = addBotMessage.call(this, raw, token);
  return { ...message, date: Math.floor(message.date / 1000) };
};

// 4) Webhook deliveries carry the secret token header, as Telegram's do.
const addUserUpdate = TelegramServer.prototype.addUserUpdate;
TelegramServer.prototype.addUserUpdate = async function (update) {
  const hook = this.webhooks[update.botToken];
  if (!hook || !hook.secret_token) return addUserUpdate.call(this, update);
  const response = await fetch(hook.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': hook.secret_token },
    body: JSON.stringify(TelegramServer.formatUpdate(update)),
  });
  this.updateId++;
  console.log(`WEBHOOK ${response.status}`);
};

const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 600 });
server.start().then(() => console.log('READY'));
process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
process.stdin.on('end', () => server.stop().then(() => process.exit(0))); // the test process went away
process.stdin.resume();
