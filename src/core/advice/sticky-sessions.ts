import { AdviceRule } from './advice';

/** Stickiness pins clients to servers: uneven load, and sessions die with the server. */
export const stickySessions: AdviceRule = {
  id: 'lbkit:stickySessions',
  check: (_options, model) => model.targetGroups.filter((tg) => tg.stickiness).map((tg) =>
    `route "${tg.name}" enables ${tg.stickiness!.type} stickiness: clients stay pinned to one target, so load goes uneven and sessions are lost when that target fails. Keep session state in a shared store (e.g. Redis or DynamoDB) and leave stickiness off.`),
};
