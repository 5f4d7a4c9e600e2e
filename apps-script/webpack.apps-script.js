// Placeholder until this host's build lands: an empty configuration would fail, so build nothing.
module.exports = () => ({ name: 'placeholder', entry: {}, mode: 'none' });
