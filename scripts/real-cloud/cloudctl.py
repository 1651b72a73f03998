#!/usr/bin/python3
"""Small OpenStack/Ceph helper for scripts/real-cloud (runs with Debian's /usr/bin/python3 + requests).

One Python process per step instead of dozens of `openstack` CLI calls (~1.5 s each).
Settings come from the environment (set by real-cloud.sh): ZENITH_REAL_DIR, KS_URL, ADMIN_PASSWORD,
DEMO_PASSWORD, SERVICE_PASSWORD, REGION, DASH_URL, ...

  cloudctl.py identity                      projects, users, roles, services, endpoints (idempotent)
  cloudctl.py wait-service BINARY TIMEOUT   until cinder-volume / nova-compute ... reports up
  cloudctl.py wait-agents N TIMEOUT         until >= N neutron agents are alive
  cloudctl.py seed-images RAW QCOW2         images zenith-raw / zenith-qcow2 (idempotent)
  cloudctl.py seed                          flavors, network zenith-net (idempotent)
  cloudctl.py endpoints                     writes endpoints.json + clouds.yaml
  cloudctl.py health                        exit 0 when keystone, glance, cinder, neutron, nova answer
"""
import json
import os
import sys
import time

import requests

E = os.environ
KS = E.get('KS_URL', 'http://127.0.0.1:5000/v3')
DIR = E['ZENITH_REAL_DIR']
REGION = E.get('REGION', 'RegionOne')
TIMEOUT = 30


class Cloud:
    def __init__(self, user='admin', password=None, project='admin'):
        password = password or E['ADMIN_PASSWORD']
        body = {'auth': {'identity': {'methods': ['password'], 'password': {'user': {
            'name': user, 'domain': {'id': 'default'}, 'password': password}}},
            'scope': {'project': {'name': project, 'domain': {'id': 'default'}}}}}
        r = requests.post(KS + '/auth/tokens', json=body, timeout=TIMEOUT)
        r.raise_for_status()
        self.token = r.headers['X-Subject-Token']
        self.project_id = r.json()['token']['project']['id']
        self.catalog = {}
        for svc in r.json()['token'].get('catalog', []):
            for ep in svc['endpoints']:
                if ep['interface'] == 'public':
                    self.catalog[svc['type']] = ep['url'].rstrip('/')

    def req(self, method, url, ok=(200, 201, 202, 204), **kw):
        h = {'X-Auth-Token': self.token, **kw.pop('headers', {})}
        r = requests.request(method, url, headers=h, timeout=kw.pop('timeout', TIMEOUT), **kw)
        if ok and r.status_code not in ok:
            raise RuntimeError('%s %s -> %s %s' % (method, url, r.status_code, r.text[:500]))
        return r

    def get(self, url, **kw):
        return self.req('GET', url, **kw).json()

    def post(self, url, body, **kw):
        r = self.req('POST', url, json=body, **kw)
        return r.json() if r.text else None


def ks_find(c, kind, name, **filters):
    q = '&'.join(['name=%s' % name] + ['%s=%s' % kv for kv in filters.items()])
    items = c.get('%s/%s?%s' % (KS, kind, q))[kind]
    return items[0] if items else None


def ks_ensure(c, kind, key, body):
    """GET by name (and domain for users/projects) or POST; returns the object."""
    filters = {'domain_id': body['domain_id']} if 'domain_id' in body else {}
    found = ks_find(c, kind, body['name'], **filters)
    return found or c.post('%s/%s' % (KS, kind), {key: body})[key]


def grant(c, project, user, role):
    c.req('PUT', '%s/projects/%s/users/%s/roles/%s' % (KS, project['id'], user['id'], role['id']))


# ---------------------------------------------------------------- identity
SERVICES = [  # (service name, type, url, service user)
    ('glance', 'image', 'http://127.0.0.1:9292', 'glance'),
    ('neutron', 'network', 'http://127.0.0.1:9696', 'neutron'),
    ('cinderv3', 'volumev3', 'http://127.0.0.1:8776/v3/%(project_id)s', 'cinder'),
    ('cinder', 'block-storage', 'http://127.0.0.1:8776/v3/%(project_id)s', None),
    ('placement', 'placement', 'http://127.0.0.1:8778', 'placement'),
    ('nova', 'compute', 'http://127.0.0.1:8774/v2.1', 'nova'),
]


def identity():
    c = Cloud()
    d = 'default'
    roles = {n: ks_ensure(c, 'roles', 'role', {'name': n}) for n in ('admin', 'member', 'reader', 'service')}
    admin_p = ks_find(c, 'projects', 'admin', domain_id=d)
    demo_p = ks_ensure(c, 'projects', 'project', {'name': 'demo', 'domain_id': d, 'description': 'Zenith demo tenant'})
    svc_p = ks_ensure(c, 'projects', 'project', {'name': 'service', 'domain_id': d})
    admin_u = ks_find(c, 'users', 'admin', domain_id=d)
    grant(c, demo_p, admin_u, roles['admin'])
    demo_u = ks_ensure(c, 'users', 'user', {'name': 'demo', 'domain_id': d, 'password': E['DEMO_PASSWORD'],
                                            'default_project_id': demo_p['id']})
    for r in ('member', 'reader'):
        grant(c, demo_p, demo_u, roles[r])
    # the 'service' role: cinder only lets nova drop an in-use attachment (server delete) when nova sends a
    # service token whose user holds a role in service_token_roles (OSSA-2023-003)
    for _, _, _, user in SERVICES:
        if not user:
            continue
        u = ks_ensure(c, 'users', 'user', {'name': user, 'domain_id': d, 'password': E['SERVICE_PASSWORD']})
        for r in ('admin', 'service'):
            grant(c, svc_p, u, roles[r])
    extra = [('ceph-dashboard', 'ceph-dashboard', E['DASH_URL'])]
    for name, typ, url in [s[:3] for s in SERVICES] + extra:
        s = ks_find(c, 'services', name) or c.post(KS + '/services', {'service': {'name': name, 'type': typ}})['service']
        have = {e['interface'] for e in c.get('%s/endpoints?service_id=%s' % (KS, s['id']))['endpoints']}
        for itf in ('public', 'internal', 'admin'):
            if itf not in have:
                c.post(KS + '/endpoints', {'endpoint': {'service_id': s['id'], 'interface': itf, 'url': url,
                                                       'region_id': REGION}})
    print('identity: projects admin/demo/service, users admin/demo + %d service users, %d catalog services'
          % (len([s for s in SERVICES if s[3]]), len(SERVICES) + len(extra) + 1))


# ---------------------------------------------------------------- waits
def wait_service(binary, timeout):
    """cinder-volume, cinder-scheduler, nova-compute, nova-conductor, nova-scheduler: state up."""
    end = time.time() + float(timeout)
    last = None
    while time.time() < end:
        try:
            c = Cloud()
            if binary.startswith('cinder'):
                url = c.catalog['volumev3'] + '/os-services?binary=' + binary
                svcs = c.get(url)['services']
            else:
                svcs = c.get(c.catalog['compute'] + '/os-services?binary=' + binary)['services']
            last = [(s['host'], s['state'], s['status']) for s in svcs]
            if any(s['state'] == 'up' for s in svcs):
                print('%s up: %s' % (binary, last))
                return 0
        except Exception as e:  # noqa: BLE001 - keep polling until the deadline
            last = repr(e)[:200]
        time.sleep(1)
    print('%s not up after %s s (last: %s)' % (binary, timeout, last), file=sys.stderr)
    return 1


def wait_agents(n, timeout):
    end = time.time() + float(timeout)
    last = None
    while time.time() < end:
        try:
            c = Cloud()
            agents = c.get(c.catalog['network'] + '/v2.0/agents')['agents']
            last = sorted((a['agent_type'], a['host'], a['alive']) for a in agents)
            if sum(1 for a in agents if a['alive']) >= int(n):
                print('neutron agents alive: %s' % [h for _, h, al in last if al])
                return 0
        except Exception as e:  # noqa: BLE001
            last = repr(e)[:200]
        time.sleep(1)
    print('fewer than %s neutron agents alive after %s s: %s' % (n, timeout, last), file=sys.stderr)
    return 1


# ---------------------------------------------------------------- seed data
def ensure_image(c, name, disk_format, path):
    g = c.catalog['image']
    found = c.get(g + '/v2/images?name=' + name)['images']
    for img in found:
        if img['status'] == 'active':
            return img['id']
        c.req('DELETE', g + '/v2/images/' + img['id'], ok=None)   # half-uploaded leftover
    img = c.post(g + '/v2/images', {'name': name, 'disk_format': disk_format, 'container_format': 'bare',
                                    'visibility': 'public', 'os_distro': 'zenith-test'})
    t0 = time.time()
    with open(path, 'rb') as f:
        c.req('PUT', g + '/v2/images/%s/file' % img['id'], data=f, timeout=600,
              headers={'Content-Type': 'application/octet-stream'})
    for _ in range(120):
        st = c.get(g + '/v2/images/' + img['id'])['status']
        if st == 'active':
            break
        time.sleep(0.5)
    else:
        raise RuntimeError('image %s stuck in %s' % (name, st))
    print('image %s (%s, %d MiB) active in %.1f s' % (name, disk_format, os.path.getsize(path) >> 20,
                                                      time.time() - t0))
    return img['id']


def ensure_flavor(c, name, vcpus, ram, disk):
    n = c.catalog['compute']
    for f in c.get(n + '/flavors')['flavors']:
        if f['name'] == name:
            return f['id']
    return c.post(n + '/flavors', {'flavor': {'name': name, 'vcpus': vcpus, 'ram': ram, 'disk': disk,
                                              'os-flavor-access:is_public': True}})['flavor']['id']


def seed_images(raw_path, qcow2_path):
    c = Cloud()
    out = {'raw': ensure_image(c, 'zenith-raw', 'raw', raw_path),
           'qcow2': ensure_image(c, 'zenith-qcow2', 'qcow2', qcow2_path)}
    with open(os.path.join(DIR, 'seed-images.json'), 'w') as f:
        json.dump(out, f, indent=2)
    print('seed images: %s' % json.dumps(out))


def seed():
    """Flavors and the network (needs nova + neutron); merges the images from seed-images.json."""
    c = Cloud()
    out = {'images': json.load(open(os.path.join(DIR, 'seed-images.json'))),
           'flavors': {'m1.tiny': ensure_flavor(c, 'm1.tiny', 1, 512, 1),
                       'm1.small': ensure_flavor(c, 'm1.small', 1, 2048, 10)}}
    q = c.catalog['network'] + '/v2.0'
    demo = c.get(KS + '/projects?name=demo')['projects'][0]
    # The suites run in demo one after another and each removes what it made, but deletes are asynchronous and a
    # file keeps its volumes and servers until its afterAll: the default of 10 volumes was reached
    # mid-run (Cinder's 413 VolumeLimitExceeded). A test project's volume quota, set as an operator would set it.
    # Nova's stay the defaults (10 instances): the boot tests exceed them on purpose with the wizard's largest count (50).
    c.req('PUT', c.catalog['volumev3'] + '/os-quota-sets/' + demo['id'],
          json={'quota_set': {'volumes': 60, 'snapshots': 60, 'gigabytes': 1000}})
    nets = c.get(q + '/networks?name=zenith-net')['networks']
    net = nets[0] if nets else c.post(q + '/networks', {'network': {
        'name': 'zenith-net', 'shared': True, 'project_id': demo['id'], 'admin_state_up': True}})['network']
    subs = c.get(q + '/subnets?network_id=%s&name=zenith-subnet' % net['id'])['subnets']
    sub = subs[0] if subs else c.post(q + '/subnets', {'subnet': {
        'name': 'zenith-subnet', 'network_id': net['id'], 'ip_version': 4, 'cidr': '10.77.0.0/24',
        'enable_dhcp': True, 'project_id': demo['id']}})['subnet']
    # one DHCP agent hosts zenith-net (HA below a target of 2, as in the operators' clouds). The agents'
    # hosts have no L2 agent, so neutron's scheduler never picks them by itself: add it explicitly.
    hosting = c.get(q + '/networks/%s/dhcp-agents' % net['id'])['agents']
    if not hosting:
        agents = [a for a in c.get(q + '/agents?agent_type=DHCP%20agent')['agents'] if a['alive']]
        agent = sorted(agents, key=lambda a: a['host'])[0]
        c.req('POST', q + '/agents/%s/dhcp-networks' % agent['id'], json={'network_id': net['id']})
        hosting = [agent]
    out['networks'] = {'zenith-net': {'id': net['id'], 'subnetId': sub['id'], 'cidr': sub['cidr'],
                                      'dhcpAgentHosts': sorted(a['host'] for a in hosting)}}
    with open(os.path.join(DIR, 'seed.json'), 'w') as f:
        json.dump(out, f, indent=2)
    print('seed: %s' % json.dumps(out))


# ---------------------------------------------------------------- endpoints.json / clouds.yaml
def endpoints():
    seedd = json.load(open(os.path.join(DIR, 'seed.json')))
    ceph_dir = os.path.join(DIR, 'ceph')
    ro = os.path.join(DIR, 'rollout')
    ksp = os.path.join(DIR, 'os', 'keystone-pool')
    users = {'admin': {'username': 'admin', 'password': E['ADMIN_PASSWORD'], 'userDomain': 'Default',
                       'project': 'admin', 'projectDomain': 'Default'},
             'demo': {'username': 'demo', 'password': E['DEMO_PASSWORD'], 'userDomain': 'Default',
                      'project': 'demo', 'projectDomain': 'Default'}}
    doc = {
        # Zenith logs in through the keystone pool's HAProxy (the kolla way); the catalog and the services keep
        # the keystone on :5000
        'authUrl': E['KSP_URL'], 'region': REGION, 'users': users,
        'ceph': {'dashboardUrl': E['DASH_URL'], 'username': 'admin', 'password': E['CEPH_DASHBOARD_PASSWORD'],
                 'fsid': open(os.path.join(ceph_dir, 'fsid')).read().strip(),
                 'conf': os.path.join(ceph_dir, 'ceph.conf'), 'keyring': os.path.join(ceph_dir, 'keyring'),
                 'clientConf': os.path.join(ceph_dir, 'ceph-client.conf'),
                 'pools': {'images': 'images', 'volumes': 'volumes', 'vms': 'vms'}},
        'nova': {'blockDeviceAllocateRetries': int(E['NOVA_BDA_RETRIES']),
                 'blockDeviceAllocateRetriesInterval': int(E['NOVA_BDA_INTERVAL'])},
        'images': seedd['images'], 'flavors': seedd['flavors'], 'networks': seedd['networks'],
        'services': {'identity': KS, 'image': 'http://127.0.0.1:9292', 'network': 'http://127.0.0.1:9696',
                     'volumev3': 'http://127.0.0.1:8776/v3', 'placement': 'http://127.0.0.1:8778',
                     'compute': 'http://127.0.0.1:8774/v2.1'},
        'dhcpAgentHosts': ['dhcp-host-%d' % i for i in range(1, int(E['NOOP_DHCP_AGENTS']) + 1)],
        'rollouts': {
            'config': os.path.join(DIR, 'rollouts.yaml'),
            'lab': {'dir': ro, 'haproxySocket': os.path.join(ro, 'run', 'haproxy.sock')},
            'keystone': {'frontendUrl': E['KSP_URL'], 'dir': ksp, 'haproxySocket': os.path.join(ksp, 'run', 'haproxy.sock'),
                         'statsUrl': E['KSP_STATS_URL'],
                         'backend': 'keystone', 'hosts': ['keystone-1', 'keystone-2'],
                         'healthFiles': [os.path.join(ksp, h, 'health.html') for h in ('keystone-1', 'keystone-2')]},
        },
        'files': {'cloudsYaml': os.path.join(DIR, 'clouds.yaml'), 'adminrc': os.path.join(DIR, 'adminrc'),
                  'logs': os.path.join(DIR, 'logs'), 'timings': os.path.join(DIR, 'timings.txt')},
    }
    tmp = os.path.join(DIR, 'endpoints.json.tmp')
    with open(tmp, 'w') as f:
        json.dump(doc, f, indent=2)
    os.replace(tmp, os.path.join(DIR, 'endpoints.json'))

    def cloud(u):
        return ('    auth:\n      auth_url: %s\n      username: %s\n      password: %s\n'
                '      project_name: %s\n      user_domain_name: Default\n      project_domain_name: Default\n'
                '    region_name: %s\n    interface: public\n    identity_api_version: 3\n'
                % (KS, u['username'], json.dumps(u['password']), u['project'], REGION))
    with open(os.path.join(DIR, 'clouds.yaml'), 'w') as f:
        f.write('clouds:\n  zenith-real:\n' + cloud(users['admin']) + '  zenith-real-demo:\n' + cloud(users['demo']))
    print('wrote %s/endpoints.json and clouds.yaml' % DIR)


def health():
    c = Cloud()
    for typ, path in (('image', '/v2/images?limit=1'), ('volumev3', '/types'), ('network', '/v2.0/networks?limit=1'),
                      ('compute', '/flavors'), ('placement', '/')):
        c.get(c.catalog[typ] + path)
    requests.get(E['DASH_URL'] + '/', timeout=10).raise_for_status()
    return 0


if __name__ == '__main__':
    cmd, args = sys.argv[1], sys.argv[2:]
    fn = {'identity': identity, 'wait-service': wait_service, 'wait-agents': wait_agents, 'seed': seed,
          'seed-images': seed_images,
          'endpoints': endpoints, 'health': health}[cmd]
    sys.exit(fn(*args) or 0)
