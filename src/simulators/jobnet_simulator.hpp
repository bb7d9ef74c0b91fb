#pragma once

#include <csignal>
#include <string>

namespace rekrut::simulators {

struct JobnetSimulatorOptions {
    std::string address = "127.0.0.1";
    int port = 8090;
    std::string database = "jobnet-sim.sqlite3"; ///< Its own SQLite file: the ads it holds.
    std::string username = "rekrut";
    std::string password = "rekrut-demo";
    std::string service_namespace; ///< Empty: the default namespace.
};

/// A stand-in for Jobnet's job-ad web service, for development and tests: the same SOAP operations
/// (AddJob, UpdateJob, PublishJob, CloseJob, DeleteJob, GetJob) and the ad lifecycle
/// (Processed → Publication or NotApproved → PublicationEnd, Closed, Deleted), its ads kept in its
/// own SQLite file. It refuses an ad that lacks a field Jobnet requires, with the reason, and does not
/// approve one that states an age requirement. `GET /` lists its ads; `POST /control` with
/// `mode=normal|slow|error|drop|drop_after` tells it to answer normally, slowly (3 s), with HTTP 500,
/// by dropping the connection, or by dropping it after doing the work (`count=N`: for the next N
/// calls only). Serves until a signal of `stop_signals` arrives; returns the process's exit code.
int run_jobnet_simulator(const JobnetSimulatorOptions& options, const sigset_t& stop_signals);

} // namespace rekrut::simulators
