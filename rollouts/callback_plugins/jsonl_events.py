# Notification callback for ansible-core >= 2.14: one JSON object per line per event, appended to
# $JSONL_EVENTS_PATH and flushed at once, so the Zenith runner can follow a rollout live. The normal
# screen output stays. (ansible-core ships no json/jsonl callback; those are in ansible.posix.)
from __future__ import annotations

DOCUMENTATION = '''
  name: jsonl_events
  type: notification
  short_description: write playbook/play/task/host events with timings as JSON lines
  description: enable with callbacks_enabled = jsonl_events; output file from JSONL_EVENTS_PATH
'''

import json
import os
import time

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'notification'
    CALLBACK_NAME = 'jsonl_events'
    CALLBACK_NEEDS_ENABLED = True
    KEEP = ('changed', 'failed', 'skipped', 'msg', 'rc', 'stdout', 'stderr', 'attempts', 'skip_reason',
            'status', 'elapsed', 'path', 'state')
    CAP = 2000  # characters per kept string

    def __init__(self):
        super().__init__()
        self._f = open(os.environ.get('JSONL_EVENTS_PATH', 'events.jsonl'), 'a', buffering=1)
        self._play = None
        self._batch = 0
        self._started = {}

    def _emit(self, event, **kw):
        self._f.write(json.dumps({'ts': round(time.time(), 3), 'event': event, **kw}, default=str) + '\n')
        self._f.flush()

    def _keep(self, r):
        out = {}
        for k in self.KEEP:
            if k in r:
                v = r[k]
                out[k] = v[:self.CAP] if isinstance(v, str) else v
        return out

    def _res(self, event, result, **extra):
        host, task = result._host.get_name(), result._task
        t0 = self._started.pop((host, task._uuid), None)
        self._emit(event, play=self._play, batch=self._batch, host=host, task=task.get_name(),
                   task_uuid=task._uuid, action=task.action, result=self._keep(result._result),
                   duration=round(time.time() - t0, 3) if t0 else None, **extra)

    def v2_playbook_on_start(self, playbook):
        self._emit('playbook_start', playbook=playbook._file_name)

    def v2_playbook_on_play_start(self, play):
        # with `serial`, ansible starts the play once per batch
        self._play = play.get_name()
        self._batch += 1
        self._emit('play_start', play=self._play, batch=self._batch)

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._emit('task_start', play=self._play, batch=self._batch, task=task.get_name(),
                   task_uuid=task._uuid, action=task.action)

    def v2_playbook_on_cleanup_task_start(self, task):
        self.v2_playbook_on_task_start(task, False)

    def v2_runner_on_start(self, host, task):
        self._started[(host.get_name(), task._uuid)] = time.time()
        self._emit('runner_start', batch=self._batch, host=host.get_name(), task=task.get_name(),
                   task_uuid=task._uuid)

    def v2_runner_on_ok(self, result):
        self._res('runner_ok', result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._res('runner_failed', result, ignore_errors=ignore_errors)

    def v2_runner_on_skipped(self, result):
        self._res('runner_skipped', result)

    def v2_runner_on_unreachable(self, result):
        self._res('runner_unreachable', result)

    def v2_runner_retry(self, result):
        self._res('runner_retry', result)

    def v2_playbook_on_stats(self, stats):
        self._emit('stats', hosts={h: stats.summarize(h) for h in sorted(stats.processed)})
        self._f.close()
