package vn.smsgw.dispatch.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

class CampaignStateTest {

    @Test
    void apply_startDraft_movesToScheduled() {
        assertEquals(new Transition.Moved(CampaignState.DRAFT, CampaignState.SCHEDULED),
                CampaignState.DRAFT.apply(CampaignAction.START));
    }

    @Test
    void apply_pauseRunningThenResume_returnsToRunning() {
        assertEquals(CampaignState.PAUSED,
                ((Transition.Moved) CampaignState.RUNNING.apply(CampaignAction.PAUSE)).to());
        assertEquals(CampaignState.RUNNING,
                ((Transition.Moved) CampaignState.PAUSED.apply(CampaignAction.RESUME)).to());
    }

    @Test
    void apply_resumeRunning_isRefusedWithAReason() {
        Transition.Refused r = assertInstanceOf(Transition.Refused.class,
                CampaignState.RUNNING.apply(CampaignAction.RESUME));
        assertEquals("cannot resume a campaign that is running (only a paused campaign resumes)", r.reason());
    }

    @Test
    void apply_cancelDone_isRefused() {
        assertInstanceOf(Transition.Refused.class, CampaignState.DONE.apply(CampaignAction.CANCEL));
    }

    @Test
    void apply_cancelEveryLiveState_movesToCancelled() {
        for (CampaignState s : CampaignState.values()) {
            if (!s.isFinal()) {
                assertEquals(CampaignState.CANCELLED, ((Transition.Moved) s.apply(CampaignAction.CANCEL)).to());
            }
        }
    }
}
