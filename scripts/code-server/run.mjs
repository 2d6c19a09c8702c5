// Runs a command quietly, keeping its output so a failure can show the tail.
import { spawn } from 'node:child_process';

// npm passes the outer project's context (npm_config_local_prefix,
// npm_package_*, ...) to scripts; an inner `npm install` in another folder must
// not inherit it. Only settings about reaching the registry are kept.
const KEPT_SETTINGS = [
  ...['registry', 'cache', 'cafile', 'ca', 'strict_ssl', 'proxy', 'https_proxy', 'noproxy', 'nodedir'],
  ...['userconfig', 'globalconfig', 'offline', 'prefer_offline', 'loglevel'],
];
const KEEP = new RegExp(`^npm_config_(${KEPT_SETTINGS.join('|')})$`, 'i');

export function cleanEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^npm_/i.test(k) || KEEP.test(k)) env[k] = v;
  }
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

// Lines that are noise on this machine's npm setup, hidden from failure tails.
const NOISE = /Unknown user config "nodedir"|install scripts not yet covered by allowScripts/;

export function run(cmd, args, { cwd, env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (d) => {
      output += d;
      stdout += d;
    });
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => resolve({ code: -1, output: `${output}\n${err.message}`, stdout }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), output, stdout }));
  });
}

export function tail(output, lines = 20) {
  return output
    .split('\n')
    .filter((l) => l.trim() && !NOISE.test(l))
    .slice(-lines)
    .join('\n');
}
