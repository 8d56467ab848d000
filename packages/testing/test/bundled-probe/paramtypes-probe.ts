/** Records `design:paramtypes` as reflect-metadata would, so the probe needs no dependency. */
const paramTypes = new Map<unknown, unknown[]>();
(Reflect as unknown as { metadata: unknown }).metadata = (key: string, value: unknown) => (target: unknown) => {
  if (key === 'design:paramtypes') paramTypes.set(target, value as unknown[]);
};

function injectable(target: unknown): void {
  void target;
}

class Clock {}

@injectable
class Scheduler {
  constructor(readonly clock: Clock) {}
}

const recorded = paramTypes.get(Scheduler);
process.stdout.write(JSON.stringify({ paramTypes: recorded?.map((type) => (type as { name: string }).name) ?? null }));
