package vn.smsgw.gateway.simulator;

/** What a {@link DeliveryLane} sends and whom it tells how each delivery ended. Called from the lane's sender and from the threads that complete responses. */
interface DeliveryFeed {

    /** The next new delivery, or null if there is none right now. */
    Delivery poll();

    /** Whether the lane may stop: nothing new will come and nothing is outstanding. */
    boolean finished();

    /** The ESME answered ESME_ROK. */
    void acked(Delivery delivery);

    /** The ESME answered a permanent error: the delivery is over. */
    void rejected(Delivery delivery, int status);

    /** The maximum attempts passed without an ESME_ROK. */
    void givenUp(Delivery delivery);
}
