-- Spring Modulith's event publication registry: each event a module publishes to another module's listener is
-- written here in the publishing transaction and marked complete when the listener has done its work, so an event
-- whose listener failed, or was cut off by a crash, is still here to be handed to it again.
CREATE TABLE event_publication (
    id               UUID                     NOT NULL PRIMARY KEY,
    listener_id      VARCHAR(512)             NOT NULL,
    event_type       VARCHAR(512)             NOT NULL,
    serialized_event VARCHAR(8000)            NOT NULL,
    publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX event_publication_by_completion_date ON event_publication (completion_date);
