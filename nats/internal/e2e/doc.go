// Package e2e holds the end-to-end test of distributed processing: documents
// published to NATS and stored by several workers give the same report as a
// single-process run. It has no code of its own.
package e2e
