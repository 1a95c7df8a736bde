#!/usr/bin/env python3
"""Adds lock entries for platform-specific optional packages that this machine's npm registry
does not serve (it 404s builds for other platforms), so `npm ci` accepts the lock file.
npm installs none of them here: their os/cpu never match. Run after `npm install` changed the lock."""
import collections, json, re, sys

PATH = sys.argv[1] if len(sys.argv) > 1 else 'package-lock.json'
PATTERN = re.compile(r'^@unrs/resolver-binding-(?P<os>[a-z0-9]+)-(?P<cpu>[a-z0-9]+?)(?:-(?P<abi>gnu|musl|msvc|eabi|gnueabihf|musleabihf))?$')

lock = json.load(open(PATH), object_pairs_hook=collections.OrderedDict)
packages = lock['packages']
added = 0
for key, entry in list(packages.items()):
    for name, version in (entry.get('optionalDependencies') or {}).items():
        target = 'node_modules/' + name
        match = PATTERN.match(name)
        if target in packages or not match:
            continue
        fields = {'cpu': [match['cpu']], 'dev': True, 'license': 'MIT', 'optional': True, 'os': [match['os']]}
        if match['abi'] in ('gnu', 'gnueabihf'):
            fields['libc'] = ['glibc']
        elif match['abi'] in ('musl', 'musleabihf'):
            fields['libc'] = ['musl']
        # npm's own key order (version first, then alphabetical), so `npm install` leaves it as is.
        packages[target] = collections.OrderedDict([('version', version)] + sorted(fields.items()))
        added += 1
if added == 0:
    print('complete-lockfile: nothing to add')
    sys.exit(0)
lock['packages'] = collections.OrderedDict(sorted(packages.items(), key=lambda kv: (kv[0] != '', kv[0])))
with open(PATH, 'w') as f:
    json.dump(lock, f, indent=2)
    f.write('\n')
print(f'complete-lockfile: added {added} platform entries')
