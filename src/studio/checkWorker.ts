/**
 * The studio's checker, off the page's thread: compiles the open files as the trainer types and runs
 * their playthroughs. Every answer comes from {@link handleStudioMessage}.
 */
import { CheckMemo, handleStudioMessage, type StudioRequest, type StudioWorkerState } from './checkFiles';

const state: StudioWorkerState = { library: null, memo: new CheckMemo() };

self.addEventListener('message', (event: MessageEvent<StudioRequest>) => {
  const response = handleStudioMessage(state, event.data);
  if (response) self.postMessage(response);
});
