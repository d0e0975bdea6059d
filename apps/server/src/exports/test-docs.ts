/** Documentations for the renderers' tests: the 2023 meeting, hostile text, an empty workshop. Test-only. */
import type { Documentation } from '@fokus/report';
import { buildDocumentation } from '@fokus/report';
import { newWorkshop, runScript, script2023, scriptHostile } from '../../../../packages/report/src/test-workshops.ts';

export { HOSTILE, LONG_DETAILS, LONG_WORD } from '../../../../packages/report/src/test-workshops.ts';

const NOW = Date.UTC(2026, 11, 2, 12);

export const doc2023 = (): Documentation => buildDocumentation(runScript(script2023()), { joinCode: 'ABC234', now: NOW, startTime: '09:00' });
export const docHostile = (): Documentation => buildDocumentation(runScript(scriptHostile()), { joinCode: 'ABC234', now: NOW });
export const docEmpty = (lang: 'sv' | 'en' = 'sv'): Documentation => buildDocumentation(newWorkshop(lang), { joinCode: 'ABC234', now: NOW });

/** Every idea of a documentation, visible and hidden. */
export const allIdeas = (doc: Documentation) => doc.boards.flatMap((b) => [...b.ranking, ...b.hidden]);
