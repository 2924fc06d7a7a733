// Times are stored in UTC; tests run in UTC whatever the machine's zone.
module.exports = async () => {
  process.env.TZ = 'UTC';
};
