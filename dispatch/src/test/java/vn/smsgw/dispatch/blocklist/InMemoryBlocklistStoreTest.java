package vn.smsgw.dispatch.blocklist;

class InMemoryBlocklistStoreTest extends BlocklistStoreContract {
    @Override
    BlocklistStores openStores() {
        return BlocklistStores.inMemory();
    }
}
