module frontdesk

go 1.26.8

require (
	github.com/google/uuid v1.6.0
	github.com/mattn/go-sqlite3 v1.14.53
	github.com/nyaruka/phonenumbers v1.8.1
	golang.org/x/text v0.43.0
)

require google.golang.org/protobuf v1.36.11 // indirect
