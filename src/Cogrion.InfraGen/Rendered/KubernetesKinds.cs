using Cogrion.InfraGen.Documents;

namespace Cogrion.InfraGen.Rendered;

/// <summary>What the render check needs to know about Kubernetes kinds: which are cluster-scoped, and what a CRD serves.</summary>
public static class KubernetesKinds
{
    /// <summary>The built-in cluster-scoped kinds by API group ("" is the core group).</summary>
    private static readonly HashSet<(string Group, string Kind)> BuiltInClusterScoped =
    [
        ("", "Namespace"), ("", "Node"), ("", "PersistentVolume"), ("", "ComponentStatus"),
        ("rbac.authorization.k8s.io", "ClusterRole"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
        ("apiextensions.k8s.io", "CustomResourceDefinition"), ("apiregistration.k8s.io", "APIService"),
        ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"), ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
        ("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"), ("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"),
        ("networking.k8s.io", "IngressClass"), ("scheduling.k8s.io", "PriorityClass"), ("storage.k8s.io", "StorageClass"),
        ("storage.k8s.io", "CSIDriver"), ("storage.k8s.io", "CSINode"), ("storage.k8s.io", "VolumeAttachment"),
        ("node.k8s.io", "RuntimeClass"), ("policy", "PodSecurityPolicy"), ("certificates.k8s.io", "CertificateSigningRequest"),
        ("flowcontrol.apiserver.k8s.io", "FlowSchema"), ("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"),
    ];

    /// <summary>The group of an apiVersion (<c>apps/v1</c> is <c>apps</c>, <c>v1</c> the core group "").</summary>
    public static string Group(string apiVersion) => apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";

    /// <summary>Whether a built-in kind is cluster-scoped (custom kinds: by their CRD's scope, see <c>RenderFacts.IsClusterScoped</c>).</summary>
    public static bool IsClusterScoped(string apiVersion, string kind) => BuiltInClusterScoped.Contains((Group(apiVersion), kind));

    /// <summary>Every version a CRD serves: (group, version, kind).</summary>
    public static IEnumerable<(string Group, string Version, string Kind)> Served(DocMap crd)
    {
        if (crd["spec"] is not DocMap spec || spec["group"] is not DocScalar group || spec["names"] is not DocMap names || names["kind"] is not DocScalar kind
            || spec["versions"] is not DocSeq versions)
        {
            yield break;
        }

        foreach (var version in versions.OfType<DocMap>())
        {
            if (version["name"] is DocScalar name && version["served"] is not DocScalar { Text: "false" })
            {
                yield return (group.Text, name.Text, kind.Text);
            }
        }
    }

    /// <summary>The kinds in which a pod template sits, and where.</summary>
    public static DocMap? PodSpec(DocMap document)
    {
        var kind = document["kind"] is DocScalar k ? k.Text : "";
        var spec = document["spec"] as DocMap;
        return kind switch
        {
            "Pod" => spec,
            "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" => (spec?["template"] as DocMap)?["spec"] as DocMap,
            "CronJob" => (((spec?["jobTemplate"] as DocMap)?["spec"] as DocMap)?["template"] as DocMap)?["spec"] as DocMap,
            _ => null,
        };
    }

    /// <summary>The JSON pointer of <see cref="PodSpec"/> inside its object.</summary>
    public static string PodSpecPointer(string kind) => kind switch
    {
        "Pod" => "/spec",
        "CronJob" => "/spec/jobTemplate/spec/template/spec",
        _ => "/spec/template/spec",
    };

    /// <summary>The labels of the pods an object runs (its pod template's), or null when it runs none.</summary>
    public static DocMap? PodLabels(DocMap document)
    {
        var kind = document["kind"] is DocScalar k ? k.Text : "";
        var spec = document["spec"] as DocMap;
        var metadata = kind switch
        {
            "Pod" => document["metadata"],
            "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" => (spec?["template"] as DocMap)?["metadata"],
            "CronJob" => (((spec?["jobTemplate"] as DocMap)?["spec"] as DocMap)?["template"] as DocMap)?["metadata"],
            _ => null,
        };
        return (metadata as DocMap)?["labels"] as DocMap ?? (metadata is null ? null : new DocMap());
    }
}
