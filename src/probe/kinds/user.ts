// `user` probes: who runs rootless-doctor (uid or name), for conditions that compare it with what
// the log names: `/run/user/1000/docker.sock` in a message is someone else's socket when the
// user's uid is 1001. Nothing is run or read; the Host knows the user.
import type { UserProbe } from '../../kb/types.js';
import type { Host } from '../host.js';
import type { Observation } from '../types.js';
import type { ProbeKindModule } from '../probe-kind.js';

export function observeUser(spec: Pick<UserProbe, 'field'>, host: Host): Promise<Observation> {
  const value = spec.field === 'uid' ? host.user.uid?.toString() : host.user.name;
  if (value === undefined) {
    return Promise.resolve({ state: 'unknown', evidence: `your ${spec.field} is not known` });
  }
  return Promise.resolve({ state: 'present', value, evidence: `your ${spec.field} is ${value}` });
}

export const userKind: ProbeKindModule<UserProbe> = {
  kind: 'user',
  fields: { field: { shape: { type: 'enum', values: ['uid', 'name'] }, required: true } },
  conditions: ['equals', 'equals-capture', 'differs-from-capture'],
  observe: (spec, host) => observeUser(spec, host),
  target: (spec) => `your ${spec.field}`,
  describe: (spec) => `your ${spec.field}`,
};
