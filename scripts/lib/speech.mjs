// Real voices for the read-aloud tests: Firefox ESR speaks through speech-dispatcher and espeak-ng
// (Debian packages, scripts/install-browsers.sh), which play into PulseAudio. A machine without a
// sound card gets a null sink, which consumes the audio in real time, so utterances take as long as
// they would aloud. (A speech-dispatcher started before any sound server existed stays silent
// until it exits: start the sink first, as the tests do.)
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'ignore', timeout: 10000 }).status === 0;

/** Makes sure a PulseAudio server with a sink runs; answers false where PulseAudio is not installed. */
export function ensureAudioSink() {
  if (run('pactl', ['info'])) return true;
  const started = run('pulseaudio', [
    '-D',
    '--exit-idle-time=-1',
    '-n',
    '--load=module-null-sink sink_name=silent',
    '--load=module-native-protocol-unix',
  ]);
  return started && run('pactl', ['info']);
}
