// GENERATED from src/cdktf/render/advice.ts by scripts/generate-cdktn.ts (npx projen generate:cdktn): edit the source, not this file.
import { Annotations } from 'cdktn';
import { IConstruct } from 'constructs';

/** The planner's advice as cdktf warnings on the construct, each prefixed with its id (`[lbkit:stickySessions] ...`). */
export function addAdviceWarnings(scope: IConstruct, advice: readonly { readonly id: string; readonly message: string }[]): void {
  for (const a of advice) Annotations.of(scope).addWarning(`[${a.id}] ${a.message}`);
}
