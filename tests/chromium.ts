/**
 * How every test, benchmark and script starts Chromium: the system browser (never a
 * downloaded one), with the flags this machine needs (no sandbox as root; no background
 * networking, which the closed network would refuse).
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
