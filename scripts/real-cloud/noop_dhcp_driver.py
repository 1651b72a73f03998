"""No-op DHCP driver for neutron-dhcp-agent (Zed).

The agent registers, reports state and accepts networks (scheduled or added by hand), but runs no
dnsmasq and creates no network namespace or port. Enough for DHCP-agent scheduling and HA views.
Loaded with dhcp_driver = noop_dhcp_driver.NoopDhcpDriver and this directory on PYTHONPATH.
"""
from neutron.agent.linux import dhcp


class NoopDhcpDriver(dhcp.DhcpBase):
    _active = set()

    def enable(self):
        NoopDhcpDriver._active.add(self.network.id)

    def disable(self, retain_port=False, block=False):
        NoopDhcpDriver._active.discard(self.network.id)

    def active(self):
        return self.network.id in NoopDhcpDriver._active

    def reload_allocations(self):
        pass

    @classmethod
    def existing_dhcp_networks(cls, conf):
        return []

    @classmethod
    def check_version(cls):
        pass

    @classmethod
    def should_enable_metadata(cls, conf, network):
        return False
