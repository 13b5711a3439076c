/// <reference lib="webworker" />
import { parseXmlWithXmldom } from '../incidents/io/xmldomParser';
import type { FromImportTask, ToImportTask } from './importProtocol';
import { createImportTask } from './importTask';

// One file per worker: the page terminates it to cancel, which also aborts an unfinished write.
declare const self: DedicatedWorkerGlobalScope;
const handle = createImportTask((message: FromImportTask) => self.postMessage(message), { parseXml: parseXmlWithXmldom });
self.addEventListener('message', (event: MessageEvent<ToImportTask>) => void handle(event.data));
