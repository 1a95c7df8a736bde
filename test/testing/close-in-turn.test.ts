import { closeInTurn } from '../../src/testing/close-in-turn';

test('every close runs, in order, after earlier ones fail; the first error is rethrown', async () => {
  const ran: string[] = [];
  const first = new Error('client close failed');
  await expect(closeInTurn([
    async () => { ran.push('client'); throw first; },
    async () => { ran.push('proxy'); throw new Error('proxy close failed'); },
    async () => { ran.push('targets'); },
  ])).rejects.toBe(first);
  expect(ran).toEqual(['client', 'proxy', 'targets']);
});

test('each close waits for the one before it; all succeeding resolves', async () => {
  const ran: string[] = [];
  await expect(closeInTurn([
    () => new Promise<void>((resolve) => setTimeout(() => { ran.push('slow'); resolve(); }, 20)),
    async () => { ran.push('next'); },
  ])).resolves.toBeUndefined();
  expect(ran).toEqual(['slow', 'next']);
});
